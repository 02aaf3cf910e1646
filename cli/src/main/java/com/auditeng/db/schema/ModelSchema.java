package com.auditeng.db.schema;

import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.Table;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.CheckConstraint;
import org.hibernate.tool.schema.internal.SchemaCreatorImpl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
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
     * change far less often than check and autogenerate run: it is kept by {@link ModelSchemaCache}.
     */
    public static ModelSchema of(List<Class<?>> entities) {
        ModelSchemaCache cache = ModelSchemaCache.besideJar(entities);
        return cache.read().orElseGet(() -> {
            ModelSchema schema = writtenByHibernate(entities);
            cache.write(schema);
            return schema;
        });
    }

    private static ModelSchema writtenByHibernate(List<Class<?>> entities) {
        ConventionNamingStrategy naming = new ConventionNamingStrategy();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                // no connection: the DDL is written for the dialect given here, and nothing asks JDBC for defaults
                .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                .applySetting(AvailableSettings.DIALECT, new ConventionDialect(naming))
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entities.forEach(sources::addAnnotatedClass);
            Metadata metadata = sources.getMetadataBuilder().applyImplicitNamingStrategy(naming)
                    .applyPhysicalNamingStrategy(new StoredNamingStrategy()).build();
            List<String> ddl = new SchemaCreatorImpl(registry).generateCreationCommands(metadata, false).stream()
                    .filter(sql -> !sql.isBlank()).toList();
            return new ModelSchema(ddl, entitySources(metadata));
        } catch (RuntimeException e) {
            if (e instanceof ProblemFoundException problem) {
                throw problem;
            }
            throw new ProblemFoundException("the entities cannot be mapped (" + firstLine(e.getMessage()) + "); fix "
                    + "the entity annotations named there", e);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
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

    /**
     * The entities' own spelling of each check and default, read once the DDL has named every check. A revision is
     * written with it ({@code length(title) > 0} reads better than the catalog's {@code (length((title)::text) >
     * 0)}); what it means is still the server's reading.
     */
    private static Map<String, String> entitySources(Metadata metadata) {
        Map<String, String> sources = new HashMap<>();
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.mapping.Table table : namespace.getTables()) {
                List<CheckConstraint> checks = new ArrayList<>(table.getChecks());
                for (org.hibernate.mapping.Column column : table.getColumns()) {
                    checks.addAll(column.getCheckConstraints());
                    if (column.getDefaultValue() != null) {
                        sources.put(key(table.getName(), column.getName()), column.getDefaultValue());
                    }
                }
                checks.stream().filter(CheckConstraint::isNamed)
                        .forEach(check -> sources.put(key(table.getName(), check.getName()), check.getConstraint()));
            }
        }
        return sources;
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
    private static String key(String table, String name) {
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

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
