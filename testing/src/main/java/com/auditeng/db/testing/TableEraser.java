package com.auditeng.db.testing;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Backfill;
import com.auditeng.db.migrate.History;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Empties every application table of the current schema, keeping the migration bookkeeping. */
final class TableEraser {
    // the revisions applied and the backfills' progress describe the schema, not the test's data
    private static final String TABLES = "SELECT quote_ident(tablename) FROM pg_tables "
            + "WHERE schemaname = current_schema() AND tablename NOT IN (?, ?)";

    private TableEraser() {
    }

    static void eraseApplicationTables(DatabaseUrl url) {
        try (Connection connection = new DatabaseConnector(url).open();
             PreparedStatement query = connection.prepareStatement(TABLES);
             Statement statement = connection.createStatement()) {
            query.setString(1, History.TABLE);
            query.setString(2, Backfill.PROGRESS_TABLE);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            }
        } catch (SQLException e) {
            throw new ConfigurationException("cannot empty the test database at " + url.redacted() + " ("
                    + e.getMessage() + "); check that TEST_DATABASE_URL's user owns its tables", e);
        }
    }
}
