package com.auditeng.db.schema;

import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schema the entities describe: the DDL Hibernate's schema tooling writes for them (with SCHEMA.md's names, see
 * {@link ConventionDialect}), which {@link #readOn} runs in a schema of its own and reads back with the
 * {@link CatalogReader}, so that the entities and the revisions are read the same way, by PostgreSQL.
 */
public final class ModelSchema implements WantedSchema {
    private static final String SCHEMA = "auditeng_entities";

    private final List<String> ddl;
    private final Map<String, String> sources;

    /** @param sources each check's condition and column's default as the entities write it, by {@link #key} */
    ModelSchema(List<String> ddl, Map<String, String> sources) {
        this.ddl = List.copyOf(ddl);
        this.sources = Map.copyOf(sources);
    }

    /** The schema of the entity classes in {@code packageName}. */
    public static ModelSchema ofPackage(String packageName) {
        return of(EntityPackage.classes(packageName));
    }

    /**
     * The schema of exactly these entity classes (their mapped superclasses and embeddables come along). Booting
     * Hibernate to write it takes most of a second, more than the rest of {@code db check}, while the entities
     * change far less often than check and autogenerate run: it is kept by {@link ModelSchemaCache}, and
     * {@link HibernateDdl} (the only class here that touches Hibernate) is loaded only when the cache lacks it.
     */
    public static ModelSchema of(List<Class<?>> entities) {
        ModelSchemaCache cache = ModelSchemaCache.besideJar(entities);
        return cache.read().orElseGet(() -> {
            ModelSchema schema = HibernateDdl.write(entities);
            cache.write(schema);
            return schema;
        });
    }

    List<String> ddl() {
        return ddl;
    }

    Map<String, String> sources() {
        return sources;
    }

    /**
     * Creates the schema in a schema of its own on {@code connection}'s database, reads it, and rolls it back: the
     * database is left as it was. Inside the caller's transaction, if there is one, it rolls back to where it began.
     */
    @Override
    public SchemaSnapshot readOn(Connection connection) throws SQLException {
        return RolledBackWork.run(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + SCHEMA);
                statement.execute("SET LOCAL search_path TO " + SCHEMA + ", public");
                for (String sql : ddl) {
                    create(statement, sql);
                }
            }
            return withEntitySources(CatalogReader.read(connection));
        });
    }

    private SchemaSnapshot withEntitySources(SchemaSnapshot catalog) {
        List<Table> tables = new ArrayList<>();
        for (Table table : catalog.tables().values()) {
            Map<String, Column> columns = new LinkedHashMap<>();
            table.columns().forEach((name, column) -> columns.put(name, new Column(name, column.type(),
                    column.nullable(),
                    column.defaultValue().map(value -> withSource(value, key(table.name(), name))))));
            TreeMap<String, Check> checks = new TreeMap<>();
            table.checks().forEach((name, check) ->
                    checks.put(name, new Check(name, withSource(check.expression(), key(table.name(), name)))));
            tables.add(new Table(table.name(), columns, table.primaryKey(), table.indexes(), table.foreignKeys(),
                    checks));
        }
        return SchemaSnapshot.of(tables);
    }

    private SqlExpression withSource(SqlExpression read, String key) {
        String source = sources.get(key);
        return source == null ? read : new SqlExpression(source, read.canonical(), read.meaning());
    }

    /** A table's check or column as PostgreSQL names it: folded to lower case, cut to 63 bytes. */
    static String key(String table, String name) {
        return SqlIdentifier.truncate(table.toLowerCase(Locale.ROOT)) + "."
                + SqlIdentifier.truncate(name.replace("`", "").replace("\"", "").toLowerCase(Locale.ROOT));
    }

    private static void create(Statement statement, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new ProblemFoundException("the entities' schema is not valid PostgreSQL (" + firstLine(e.getMessage())
                    + ", in: " + sql + "); fix the entity annotation behind it, such as a @ColumnDefault or "
                    + "@CheckConstraint", e);
        }
    }

    static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
