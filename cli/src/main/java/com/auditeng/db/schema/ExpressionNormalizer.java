package com.auditeng.db.schema;

import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives the entities' defaults and checks PostgreSQL's own spelling, by letting the server parse them: each table
 * that has any is created as a temporary table, and {@code pg_get_expr}/{@code pg_get_constraintdef} print them back
 * exactly as the catalog would after a revision created them. Text rules could not know that
 * {@code status IN ('A', 'B')} on a varchar column reads back as {@code ((status)::text = ANY (...))}; the server does.
 * Nothing persists: the transaction is rolled back.
 */
public final class ExpressionNormalizer {
    private static final String PREFIX = "auditeng_expression_";
    private static final String DEFAULTS = "SELECT c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid) "
            + "FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
            + "JOIN pg_class c ON c.oid = d.adrelid WHERE c.relnamespace = pg_my_temp_schema()";
    private static final String CHECKS = "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) "
            + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
            + "WHERE c.relnamespace = pg_my_temp_schema() AND k.contype = 'c'";

    private ExpressionNormalizer() {
    }

    public static SchemaSnapshot normalize(SchemaSnapshot model, Connection connection) throws SQLException {
        Map<String, Table> byTemporaryName = new LinkedHashMap<>();
        for (Table table : model.tables().values()) {
            boolean hasDefaults = table.columns().values().stream()
                    .anyMatch(column -> column.defaultValue().isPresent());
            if (hasDefaults || !table.checks().isEmpty()) {
                byTemporaryName.put(PREFIX + byTemporaryName.size(), table);
            }
        }
        if (byTemporaryName.isEmpty()) {
            return model;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Map<String, String> defaults = new HashMap<>();
        Map<String, String> checks = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, Table> entry : byTemporaryName.entrySet()) {
                create(statement, entry.getKey(), entry.getValue());
            }
            read(statement, DEFAULTS, defaults, byTemporaryName);
            read(statement, CHECKS, checks, byTemporaryName);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
        List<Table> tables = new ArrayList<>();
        for (Table table : model.tables().values()) {
            tables.add(respelled(table, defaults, checks));
        }
        return SchemaSnapshot.of(tables);
    }

    private static void create(Statement statement, String temporaryName, Table table) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns().values()) {
            parts.add(SqlIdentifier.quote(column.name()) + " " + column.type()
                    + column.defaultValue().map(value -> " DEFAULT " + value.source()).orElse(""));
        }
        for (Check check : table.checks().values()) {
            parts.add("CONSTRAINT " + SqlIdentifier.quote(check.name()) + " CHECK (" + check.expression().source()
                    + ")");
        }
        try {
            statement.execute("CREATE TEMPORARY TABLE " + temporaryName + " (" + String.join(", ", parts) + ")");
        } catch (SQLException e) {
            throw new ProblemFoundException("a default or check of table " + table.name() + " in the entities is not "
                    + "valid PostgreSQL (" + firstLine(e.getMessage()) + "); fix its @ColumnDefault or "
                    + "@CheckConstraint", e);
        }
    }

    private static void read(Statement statement, String sql, Map<String, String> spellings,
                             Map<String, Table> byTemporaryName) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                Table table = byTemporaryName.get(rows.getString(1));
                if (table != null) {
                    spellings.put(key(table.name(), rows.getString(2)), rows.getString(3));
                }
            }
        }
    }

    private static Table respelled(Table table, Map<String, String> defaults, Map<String, String> checkDefinitions) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Column column : table.columns().values()) {
            columns.put(column.name(), new Column(column.name(), column.type(), column.nullable(),
                    column.defaultValue().map(value -> value.withCanonical(
                            defaults.getOrDefault(key(table.name(), column.name()), value.canonical())))));
        }
        TreeMap<String, Check> checks = new TreeMap<>();
        for (Check check : table.checks().values()) {
            String definition = checkDefinitions.get(key(table.name(), check.name()));
            String condition = definition == null ? check.expression().canonical()
                    : CatalogReader.condition(definition);
            checks.put(check.name(), new Check(check.name(), check.expression().withCanonical(condition)));
        }
        return new Table(table.name(), columns, table.primaryKey(), table.indexes(), table.foreignKeys(), checks);
    }

    private static String key(String table, String name) {
        return table + "." + name;
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
