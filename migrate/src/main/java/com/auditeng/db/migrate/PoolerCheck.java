package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseConnector;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executor;

/**
 * Proves that a migrator's session stays on one server connection before it migrates, and refuses a pooler that
 * moves it (PgBouncer, Pgpool or RDS Proxy in transaction mode). The migration lock is a session lock and each
 * revision needs its statements on one backend; behind such a pooler the lock lands on a backend another client
 * then uses, two migrators run one revision at once, and server-side prepared statements reach the wrong client.
 *
 * <p>A pooler reports nothing a client can read, so this provokes the move instead: the migrator reads its backend
 * pid, a second session opens a transaction (which a transaction pooler serves from the backend just released,
 * the migrator's), and the migrator reads its pid again. Directly, or through a session pooler, the pid is the same;
 * through a transaction pooler it differs, or the read waits because the only backend is busy. Waits are bounded
 * by network timeouts, not query timeouts: a pooler does not pass on the cancel of a query still queued for a backend.
 */
final class PoolerCheck {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Executor CALLER = Runnable::run;

    private PoolerCheck() {
    }

    static void requireStableSession(Connection migrator, DatabaseConnector connector) throws SQLException {
        int before = backendPid(migrator).orElseThrow();
        Connection other;
        try {
            other = connector.openWithin(WAIT);
        } catch (ConfigurationException e) {
            return;   // not let in: a session pooler with every backend taken, the migrator's among them
        }
        try (other) {
            other.setAutoCommit(false);
            if (backendPid(other).isEmpty()) {
                return;   // as above, once logged in
            }
            OptionalInt after = backendPid(migrator);
            if (after.isEmpty() || after.getAsInt() != before) {
                throw refusal(connector);
            }
            other.rollback();
        }
    }

    /** The backend serving the next statement; empty when none serves it within the wait (the connection is then dead). */
    private static OptionalInt backendPid(Connection connection) throws SQLException {
        connection.setNetworkTimeout(CALLER, (int) WAIT.toMillis());
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            OptionalInt pid = OptionalInt.of(rows.getInt(1));
            connection.setNetworkTimeout(CALLER, 0);
            return pid;
        } catch (SQLException e) {
            if (connection.isClosed()) {
                return OptionalInt.empty();
            }
            throw e;
        }
    }

    private static ConfigurationException refusal(DatabaseConnector connector) {
        return new ConfigurationException("DATABASE_URL " + connector.url().redacted() + " goes through a pooler in "
                + "transaction mode (such as PgBouncer's pool_mode = transaction): the migration lock and each revision "
                + "need one server session; connect directly to PostgreSQL, or through a session-pooled port");
    }
}
