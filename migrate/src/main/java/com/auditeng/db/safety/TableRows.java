package com.auditeng.db.safety;

import com.auditeng.db.config.SqlIdentifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts the rows a step would touch: all rows of a table, or those matching a condition such as a loss condition. */
final class TableRows {
    private final Connection connection;

    TableRows(Connection connection) {
        this.connection = connection;
    }

    /** Rows of {@code table}; 0 when there is no such table (yet), or no table is named. */
    long count(String table) throws SQLException {
        return count(table, "true");
    }

    /** Rows of {@code table} for which {@code condition} holds; 0 when the table does not exist yet. */
    long count(String table, String condition) throws SQLException {
        if (table.isEmpty() || !exists(table)) {
            return 0;
        }
        String sql = "SELECT count(*) FROM " + SqlIdentifier.quote(table) + " WHERE " + condition;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            // a column the plan itself adds earlier does not exist yet: it holds nothing
            if ("42703".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    private boolean exists(String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, SqlIdentifier.quote(table));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    static String describe(long rows) {
        return rows + (rows == 1 ? " row" : " rows");
    }
}
