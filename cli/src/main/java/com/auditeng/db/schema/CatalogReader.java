package com.auditeng.db.schema;

import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The schema a live database holds, read from {@code pg_catalog} for the connection's current schema. The tables of
 * the migration tool itself ({@code auditeng_revision}, {@code auditeng_backfill}, all named {@code auditeng_...})
 * are left out: they belong to the migrations, not to the model.
 */
public final class CatalogReader {
    private static final String TOOL_TABLES = "auditeng\\_%";
    private static final String TABLES = "FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace "
            + "WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND t.relname NOT LIKE ?";
    private static final String COLUMNS = "SELECT t.relname, a.attname, format_type(a.atttypid, a.atttypmod), "
            + "a.attnotnull, pg_get_expr(d.adbin, d.adrelid) "
            + "FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            + "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
            + "WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND t.relname NOT LIKE ? "
            + "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY t.relname, a.attnum";
    // conkey and confkey list column numbers; unnest WITH ORDINALITY keeps their order
    // how pg_get_constraintdef ends a constraint added NOT VALID and not validated since
    private static final String NOT_VALID = " NOT VALID";
    private static final String CONSTRAINTS = "SELECT t.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), "
            + "ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(num, ord) JOIN pg_attribute a "
            + "ON a.attrelid = k.conrelid AND a.attnum = u.num ORDER BY u.ord), "
            + "f.relname, ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY AS u(num, ord) "
            + "JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num ORDER BY u.ord), k.confdeltype "
            + "FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
            + "JOIN pg_namespace n ON n.oid = t.relnamespace "
            + "LEFT JOIN pg_class f ON f.oid = k.confrelid "
            + "WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND t.relname NOT LIKE ? "
            + "AND k.contype IN ('p', 'f', 'c') "
            + "ORDER BY t.relname, k.conname";
    private static final String INDEXES = "SELECT t.relname, i.relname, x.indisunique, "
            + "EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.contype = 'u'), "
            + "ARRAY(SELECT pg_get_indexdef(x.indexrelid, c, true) "
            + "FROM generate_series(1, x.indnkeyatts) AS c ORDER BY c), "
            // indoption bit 0 is DESC, bit 1 NULLS FIRST: https://www.postgresql.org/docs/current/catalog-pg-index.html
            + "ARRAY(SELECT concat_ws(' ', CASE WHEN NOT o.opcdefault THEN o.opcname END, "
            + "CASE WHEN x.indoption[c - 1] & 1 = 1 THEN 'DESC' END, "
            + "CASE WHEN x.indoption[c - 1] & 3 = 1 THEN 'NULLS LAST' WHEN x.indoption[c - 1] & 3 = 2 "
            + "THEN 'NULLS FIRST' END) "
            + "FROM generate_series(1, x.indnkeyatts) AS c JOIN pg_opclass o ON o.oid = x.indclass[c - 1] ORDER BY c) "
            + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            + "JOIN pg_namespace n ON n.oid = t.relnamespace "
            + "WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND t.relname NOT LIKE ? "
            + "AND NOT x.indisprimary "
            + "ORDER BY t.relname, i.relname";

    private CatalogReader() {
    }

    public static SchemaSnapshot read(Connection connection) throws SQLException {
        Map<String, TableParts> tables = new TreeMap<>();
        for (String name : strings(connection, "SELECT t.relname " + TABLES)) {
            tables.put(name, new TableParts());
        }
        try (PreparedStatement query = prepare(connection, COLUMNS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Optional<SqlExpression> defaultValue = Optional.ofNullable(rows.getString(5)).map(SqlExpression::of);
                parts(tables, rows.getString(1)).columns.put(rows.getString(2), new Column(rows.getString(2),
                        SqlType.normalize(rows.getString(3)), !rows.getBoolean(4), defaultValue));
            }
        }
        try (PreparedStatement query = prepare(connection, CONSTRAINTS); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                constraint(parts(tables, rows.getString(1)), rows);
            }
        }
        try (PreparedStatement query = prepare(connection, INDEXES); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString(2);
                List<String> columns = names(rows.getArray(5)).stream().map(CatalogReader::unquoted).toList();
                parts(tables, rows.getString(1)).indexes.put(name,
                        new Index(name, columns, rows.getBoolean(3), rows.getBoolean(4), names(rows.getArray(6))));
            }
        }
        List<Table> result = new ArrayList<>();
        tables.forEach((name, parts) -> result.add(new Table(name, parts.columns, parts.primaryKey, parts.indexes,
                parts.foreignKeys, parts.checks)));
        return ExpressionNormalizer.normalize(SchemaSnapshot.of(result), connection);
    }

    private static void constraint(TableParts table, ResultSet rows) throws SQLException {
        String name = rows.getString(2);
        List<String> columns = names(rows.getArray(5));
        switch (rows.getString(3)) {
            case "p" -> table.primaryKey = Optional.of(new PrimaryKey(name, columns));
            case "f" -> table.foreignKeys.put(name, new ForeignKey(name, columns, rows.getString(6),
                    names(rows.getArray(7)), onDelete(rows.getString(8))));
            default -> table.checks.put(name, new Check(name, SqlExpression.of(condition(rows.getString(4))),
                    !rows.getString(4).strip().endsWith(NOT_VALID)));
        }
    }

    /** The condition of {@code CHECK (condition)} as pg_get_constraintdef prints it, without a NOT VALID after it. */
    static String condition(String definition) {
        String condition = definition.strip();
        if (condition.startsWith("CHECK ")) {
            condition = condition.substring("CHECK ".length()).strip();
        }
        if (condition.endsWith(NOT_VALID)) {
            condition = condition.substring(0, condition.length() - NOT_VALID.length()).strip();
        }
        return condition;
    }

    /** An index column as named in the table: pg_get_indexdef quotes a name such as "user", the catalog does not. */
    private static String unquoted(String column) {
        if (column.length() > 1 && column.startsWith("\"") && column.endsWith("\"")
                && !column.substring(1, column.length() - 1).replace("\"\"", "").contains("\"")) {
            return column.substring(1, column.length() - 1).replace("\"\"", "\"");
        }
        return column;
    }

    // pg_constraint.confdeltype: https://www.postgresql.org/docs/current/catalog-pg-constraint.html
    private static String onDelete(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }

    private static TableParts parts(Map<String, TableParts> tables, String name) {
        return tables.computeIfAbsent(name, ignored -> new TableParts());
    }

    private static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, TOOL_TABLES);
        return statement;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static List<String> names(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** What one table's rows gather before they become a {@link Table}. */
    private static final class TableParts {
        final Map<String, Column> columns = new LinkedHashMap<>();
        Optional<PrimaryKey> primaryKey = Optional.empty();
        final TreeMap<String, Index> indexes = new TreeMap<>();
        final TreeMap<String, ForeignKey> foreignKeys = new TreeMap<>();
        final TreeMap<String, Check> checks = new TreeMap<>();
    }
}
