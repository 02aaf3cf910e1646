package com.auditeng.db.schema;

import com.auditeng.db.config.SqlIdentifier;
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
 * Gives defaults and checks PostgreSQL's own spelling and meaning, by letting the server parse them: each table that
 * has any is created as a temporary table, {@code pg_get_expr}/{@code pg_get_constraintdef} print them back as the
 * catalog would after a revision created them, and the planner reduces that printout to what it means. Text rules
 * could not know that {@code status IN ('A', 'B')} on a varchar column reads back as {@code ((status)::text = ANY
 * (...))}, nor that the printout, parsed again by a rollback or by a type change of the column, reads back otherwise
 * still; the planner folds every one of them to {@code ((t.status)::text = ANY ('{A,B}'::text[]))}. The entities' and
 * the catalog's expressions go the same way (both are read from a catalog), so each side is read as the other.
 * Nothing persists: the temporary tables are rolled back.
 */
final class ExpressionNormalizer {
    private static final String PREFIX = "auditeng_expression_";
    private static final String DEFAULTS = "SELECT c.relname, a.attname, pg_get_expr(d.adbin, d.adrelid) "
            + "FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
            + "JOIN pg_class c ON c.oid = d.adrelid WHERE c.relnamespace = pg_my_temp_schema()";
    private static final String CHECKS = "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) "
            + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
            + "WHERE c.relnamespace = pg_my_temp_schema() AND k.contype = 'c'";

    private ExpressionNormalizer() {
    }

    /** {@code schema}, read from the catalog of {@code connection}, with its defaults and checks read by the server. */
    static SchemaSnapshot normalize(SchemaSnapshot schema, Connection connection) throws SQLException {
        Map<String, Table> byTemporaryName = new LinkedHashMap<>();
        for (Table table : schema.tables().values()) {
            boolean hasDefaults = table.columns().values().stream()
                    .anyMatch(column -> column.defaultValue().isPresent());
            if (hasDefaults || !table.checks().isEmpty()) {
                byTemporaryName.put(PREFIX + byTemporaryName.size(), table);
            }
        }
        if (byTemporaryName.isEmpty()) {
            return schema;
        }
        Map<String, SqlExpression> defaults = new HashMap<>();
        Map<String, SqlExpression> checks = new HashMap<>();
        RolledBackWork.run(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, Table> entry : byTemporaryName.entrySet()) {
                    create(statement, entry.getKey(), entry.getValue());
                }
                read(statement, DEFAULTS, byTemporaryName, defaults,
                        (temporary, printout) -> "SELECT " + printout + " FROM " + temporary + " t");
                read(statement, CHECKS, byTemporaryName, checks, (temporary, printout) -> "SELECT 1 FROM "
                        + temporary + " t WHERE " + CatalogReader.condition(printout));
            }
            return null;
        });
        List<Table> tables = new ArrayList<>();
        for (Table table : schema.tables().values()) {
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
        statement.execute("CREATE TEMPORARY TABLE " + temporaryName + " (" + String.join(", ", parts) + ")");
    }

    /**
     * Reads each printout of {@code sql}, then what the planner makes of it in the query {@code probe} writes:
     * EXPLAIN VERBOSE shows an expression after constant folding, where casts of literals and of a column to its own
     * type are gone.
     */
    private static void read(Statement statement, String sql, Map<String, Table> byTemporaryName,
                             Map<String, SqlExpression> readings, Probe probe) throws SQLException {
        Map<String, String> printouts = new LinkedHashMap<>();
        Map<String, String> temporaryNames = new HashMap<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                Table table = byTemporaryName.get(rows.getString(1));
                if (table != null) {
                    String key = key(table.name(), rows.getString(2));
                    printouts.put(key, rows.getString(3));
                    temporaryNames.put(key, rows.getString(1));
                }
            }
        }
        for (Map.Entry<String, String> printout : printouts.entrySet()) {
            String plan = plan(statement, probe.query(temporaryNames.get(printout.getKey()), printout.getValue()));
            readings.put(printout.getKey(), new SqlExpression(printout.getValue(), printout.getValue(), plan));
        }
    }

    /** The lines of the plan that hold the expression: a scan's Filter or Output, a constant's One-Time Filter. */
    private static String plan(Statement statement, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("EXPLAIN (VERBOSE, COSTS OFF) " + query)) {
            while (rows.next()) {
                String line = rows.getString(1).strip();
                if (line.contains("Filter: ") || line.startsWith("Output: ")) {
                    lines.add(line);
                }
            }
        }
        return String.join("\n", lines);
    }

    private static Table respelled(Table table, Map<String, SqlExpression> defaults,
                                   Map<String, SqlExpression> checks) {
        Map<String, Column> columns = new LinkedHashMap<>();
        for (Column column : table.columns().values()) {
            columns.put(column.name(), new Column(column.name(), column.type(), column.nullable(),
                    column.defaultValue().map(value ->
                            reading(value, defaults.get(key(table.name(), column.name()))))));
        }
        TreeMap<String, Check> respelledChecks = new TreeMap<>();
        for (Check check : table.checks().values()) {
            SqlExpression server = checks.get(key(table.name(), check.name()));
            respelledChecks.put(check.name(), new Check(check.name(), server == null ? check.expression()
                    : check.expression().withServerReading(CatalogReader.condition(server.canonical()),
                    server.meaning()), check.validated()));
        }
        return new Table(table.name(), columns, table.primaryKey(), table.indexes(), table.foreignKeys(),
                respelledChecks);
    }

    private static SqlExpression reading(SqlExpression value, SqlExpression server) {
        return server == null ? value : value.withServerReading(server.canonical(), server.meaning());
    }

    private static String key(String table, String name) {
        return table + "." + name;
    }

    private interface Probe {
        String query(String temporaryName, String printout);
    }
}
