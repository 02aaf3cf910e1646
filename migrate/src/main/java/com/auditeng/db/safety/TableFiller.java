package com.auditeng.db.safety;

import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.migrate.History;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts generated rows into every table that has none, parents before children: on empty tables every statement
 * is instant and rewrites nothing worth timing, so a lock trace would hide what a revision costs on a live database.
 */
final class TableFiller {
    static final int ROWS = 1000;

    private final Connection connection;

    TableFiller(Connection connection) {
        this.connection = connection;
    }

    /** A single-column foreign key: {@code column} takes its values from {@code parentColumn} of {@code parent}. */
    private record ForeignKey(long table, String column, long parent, String parentName, String parentColumn) {
    }

    /** Fills each empty table in turn, each in a transaction of its own; a table that refuses its rows stays empty. */
    List<TableFill> fill() throws SQLException {
        Map<Long, String> tables = emptyTables();
        List<ForeignKey> keys = foreignKeys();
        List<TableFill> fills = new ArrayList<>();
        for (long table : parentsFirst(tables.keySet(), keys)) {
            fills.add(fill(table, tables.get(table), keys));
        }
        return fills;
    }

    private TableFill fill(long table, String name, List<ForeignKey> keys) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        for (ColumnValue.Column column : columns(table)) {
            Optional<ForeignKey> key = keys.stream()
                    .filter(each -> each.table() == table && each.column().equals(column.name())).findFirst();
            Optional<String> value;
            if (key.isPresent()) {
                // the parent's keys gathered once, then dealt out in turn: row g of a unique child gets parent row g
                String alias = "parent" + joins.size();
                String parentColumn = SqlIdentifier.quote(key.get().parentColumn());
                joins.add("(SELECT array_agg(" + parentColumn + " ORDER BY " + parentColumn + ") AS keys FROM "
                        + key.get().parentName() + ") AS " + alias);
                value = Optional.of(alias + ".keys[1 + (g - 1) % greatest(cardinality(" + alias + ".keys), 1)]");
            } else {
                value = ColumnValue.of(column);
            }
            if (value.isEmpty()) {
                return TableFill.leftEmpty(name, "no value is generated for column " + column.name() + " of type "
                        + column.type() + ", which is NOT NULL without a default");
            }
            columns.add(SqlIdentifier.quote(column.name()));
            values.add(value.get());
        }
        String sql = "INSERT INTO " + name + (columns.isEmpty() ? " SELECT FROM" : " (" + String.join(", ", columns)
                + ") SELECT " + String.join(", ", values) + " FROM") + " generate_series(1, " + ROWS + ") AS g"
                + joins.stream().map(join -> ", " + join).reduce("", String::concat);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
            return TableFill.filled(name, ROWS);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TableFill.leftEmpty(name, message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", ""));
        }
    }

    /** The tables of the user's schemas that hold no row, by oid, with their names as regclass prints them. */
    private Map<Long, String> emptyTables() throws SQLException {
        Map<Long, String> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.oid, c.oid::regclass::text FROM pg_class c "
                     + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
                     + "AND NOT c.relispartition AND " + Relations.USER_SCHEMAS + " AND c.relname <> '"
                     + History.TABLE + "' ORDER BY c.relname")) {
            while (rows.next()) {
                tables.put(rows.getLong(1), rows.getString(2));
            }
        }
        Map<Long, String> empty = new LinkedHashMap<>();
        for (Map.Entry<Long, String> table : tables.entrySet()) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT NOT EXISTS (SELECT FROM " + table.getValue() + ")")) {
                rows.next();
                if (rows.getBoolean(1)) {
                    empty.put(table.getKey(), table.getValue());
                }
            }
        }
        return empty;
    }

    /** Foreign keys of one column; a composite one is not followed, so its table may stay empty, which is reported. */
    private List<ForeignKey> foreignKeys() throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT k.conrelid, a.attname, k.confrelid, "
                     + "k.confrelid::regclass::text, pa.attname, cardinality(k.conkey) FROM pg_constraint k "
                     + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                     + "JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = k.confkey[1] "
                     + "WHERE k.contype = 'f'")) {
            while (rows.next()) {
                if (rows.getInt(6) == 1) {
                    keys.add(new ForeignKey(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
        }
        return keys;
    }

    /** Parents before their children; tables in a cycle of foreign keys come last, in name order. */
    private static List<Long> parentsFirst(Set<Long> tables, List<ForeignKey> keys) {
        Set<Long> pending = new LinkedHashSet<>(tables);
        List<Long> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Long> ready = pending.stream().filter(table -> keys.stream().noneMatch(key -> key.table() == table
                    && key.parent() != table && pending.contains(key.parent()))).toList();
            List<Long> next = ready.isEmpty() ? List.copyOf(pending) : ready;
            order.addAll(next);
            next.forEach(pending::remove);
        }
        return order;
    }

    /** The columns that need a value: those without a default, identity or generation expression. */
    private List<ColumnValue.Column> columns(long table) throws SQLException {
        List<ColumnValue.Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT a.attname, format_type(a.atttypid, "
                + "a.atttypmod), coalesce(b.typname, t.typname), t.typtype, t.typcategory, NOT a.attnotnull, "
                + "ARRAY(SELECT pg_get_constraintdef(k.oid) FROM pg_constraint k WHERE k.conrelid = a.attrelid "
                + "AND k.contype = 'c' AND k.conkey = ARRAY[a.attnum]), "
                + "EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = a.attrelid AND k.contype = 'c' "
                + "AND a.attnum = ANY (k.conkey)) "
                + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                + "LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.atthasdef "
                + "AND a.attidentity = '' AND a.attgenerated = '' ORDER BY a.attnum")) {
            query.setLong(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Array checks = rows.getArray(7);
                    columns.add(new ColumnValue.Column(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4).charAt(0), rows.getString(5).charAt(0), rows.getBoolean(6),
                            Arrays.asList((String[]) checks.getArray()), rows.getBoolean(8)));
                }
            }
        }
        return columns;
    }
}
