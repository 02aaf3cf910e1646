package com.auditeng.db.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index a {@code CREATE INDEX CONCURRENTLY} statement builds. Such a build that fails (duplicate keys, a lock
 * timeout, a cancel, a killed migrator) leaves the index behind, INVALID: unused by queries but still maintained by
 * every write, and {@code IF NOT EXISTS} then skips it as if it had been built. So an INVALID one is dropped before
 * the build runs and after it fails. https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
 */
final class ConcurrentIndex {
    private static final Pattern CREATE = Pattern.compile(
            "^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\"(?:[^\"]|\"\")+\"|[\\w$]+)",
            Pattern.CASE_INSENSITIVE);

    private final String name;

    private ConcurrentIndex(String name) {
        this.name = name;
    }

    /** The index {@code sql} builds concurrently; empty when it is another statement. */
    static Optional<ConcurrentIndex> of(String sql) {
        Matcher matcher = CREATE.matcher(sql);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new ConcurrentIndex(SqlToken.tokenize(matcher.group(1)).get(0).name()));
    }

    /** Drops the index when a build left it INVALID; returns whether it did. Runs outside a transaction. */
    boolean dropIfInvalid(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT quote_ident(n.nspname) || '.' || "
                + "quote_ident(c.relname) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relname = ? AND NOT i.indisvalid AND n.nspname = ANY (current_schemas(false))")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                try (Statement drop = connection.createStatement()) {
                    drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + rows.getString(1));
                }
                return true;
            }
        }
    }

    String name() {
        return name;
    }
}
