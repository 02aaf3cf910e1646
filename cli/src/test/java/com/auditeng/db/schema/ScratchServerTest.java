package com.auditeng.db.schema;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The maintenance connection a scratch server keeps for its creates and drops, on the tests' real server. */
class ScratchServerTest {
    private static final PrintWriter NOWHERE = new PrintWriter(Writer.nullWriter());

    @Test
    void createsAndDropsShareOneConnectionWhichIsReplacedOnceTheServerEndsIt() throws Exception {
        DatabaseUrl admin = TestDatabase.serverUrl();
        try (Connection observer = TestDatabase.connect(admin); ScratchServer server = ScratchServer.at(admin, NOWHERE)) {
            Timestamp start = now(observer);
            for (int i = 0; i < 3; i++) {
                server.create().close();
            }
            List<Integer> kept = sessionsSince(observer, start);

            assertThat(kept).as("sessions on the maintenance database opened by three creates and drops").hasSize(1);

            try (Statement statement = observer.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(" + kept.get(0) + ", 5000)");
            }
            server.create().close();

            assertThat(sessionsSince(observer, start)).as("the session that replaced the ended one")
                    .hasSize(1).doesNotContain(kept.get(0));
        }
    }

    private static Timestamp now(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }

    // the sessions on the maintenance database that began after start, other than the observer's own
    private static List<Integer> sessionsSince(Connection observer, Timestamp start) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (PreparedStatement query = observer.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = "
                + "'postgres' AND backend_start > ? AND pid <> pg_backend_pid()")) {
            query.setTimestamp(1, start);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
        }
        return pids;
    }
}
