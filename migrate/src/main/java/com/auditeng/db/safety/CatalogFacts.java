package com.auditeng.db.safety;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link SchemaFacts} read from PostgreSQL's catalog at once, for the guards that run before an upgrade or downgrade:
 * the column types, the {@code CHECK (column IS NOT NULL)} constraints and the indexes of the tables on the search
 * path.
 */
final class CatalogFacts implements SchemaFacts {
    private final Map<String, String> types = new HashMap<>();
    private final Set<String> validatedNotNull = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Map<String, String> indexTables = new HashMap<>();

    private CatalogFacts() {
    }

    static CatalogFacts read(Connection connection) throws SQLException {
        CatalogFacts facts = new CatalogFacts();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT c.relname, a.attname, format_type(a.atttypid, "
                    + "a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = ANY (current_schemas(false)) AND c.relkind IN ('r', 'p') "
                    + "AND a.attnum > 0 AND NOT a.attisdropped")) {
                while (rows.next()) {
                    facts.types.put(key(rows.getString(1), rows.getString(2)), rows.getString(3));
                }
            }
            // PostgreSQL prints a check (x IS NOT NULL) back as "(x IS NOT NULL)", quoting the name only where needed
            try (ResultSet rows = statement.executeQuery("SELECT c.relname, k.conname, a.attname, k.convalidated "
                    + "FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                    + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum > 0 AND NOT a.attisdropped "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = ANY (current_schemas(false)) AND k.contype = 'c' "
                    + "AND pg_get_expr(k.conbin, k.conrelid) = '(' || quote_ident(a.attname) || ' IS NOT NULL)'")) {
                while (rows.next()) {
                    facts.notNullChecks.put(key(rows.getString(1), rows.getString(2)), rows.getString(3));
                    if (rows.getBoolean(4)) {
                        facts.validatedNotNull.add(key(rows.getString(1), rows.getString(3)));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT i.relname, t.relname FROM pg_index x "
                    + "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
                    + "JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = ANY (current_schemas(false))")) {
                while (rows.next()) {
                    facts.indexTables.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return facts;
    }

    @Override
    public Optional<String> columnType(String table, String column) {
        return Optional.ofNullable(types.get(key(table, column)));
    }

    @Override
    public boolean hasValidatedNotNullCheck(String table, String column) {
        return validatedNotNull.contains(key(table, column));
    }

    @Override
    public Optional<String> notNullCheckColumn(String table, String constraint) {
        return Optional.ofNullable(notNullChecks.get(key(table, constraint)));
    }

    @Override
    public Optional<String> tableOfIndex(String index) {
        return Optional.ofNullable(indexTables.get(index));
    }

    private static String key(String table, String name) {
        return table + "\u0000" + name;
    }
}
