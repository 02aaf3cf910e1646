package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The lock that serialises writers (upgrade, downgrade, stamp) on one database.
 *
 * <p>A session-level advisory lock, not {@code _xact_}: it must outlive each revision's transaction, and the server
 * frees it when the session ends, so a migrator killed with SIGKILL leaves nothing to unlock by hand.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** "AUDITENG" in ASCII: a key no other application is likely to pick. */
    static final long KEY = 0x4155444954454E47L;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock on this connection's session, waiting up to {@code timeout} and saying on {@code notes} who holds it. */
    public static AdvisoryLock acquire(Connection connection, Duration timeout, PrintWriter notes) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean announced = false;
        while (!tryLock(connection)) {
            String holder = holder(connection);
            if (System.nanoTime() >= deadline) {
                throw new ConfigurationException("another migration holds the lock on this database (" + holder
                        + ") and did not finish within " + timeout.toSeconds() + " s; wait for it, or raise --lock-timeout");
            }
            if (!announced) {
                notes.println("note: waiting for another migration to finish (" + holder + ")");
                announced = true;
            }
            sleep();
        }
        return new AdvisoryLock(connection);
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, from pg_locks and pg_stat_activity: its pid, host and since when. */
    static String holder(Connection connection) throws SQLException {
        // a bigint advisory key shows in pg_locks split into classid (high half) and objid (low half)
        String sql = "SELECT a.pid, coalesce(a.client_hostname, host(a.client_addr), 'local socket'), "
                + "a.backend_start, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = " + (KEY >>> 32)
                + " AND l.objid = " + (KEY & 0xFFFFFFFFL) + " AND l.objsubid = 1";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                return "holder already gone";
            }
            return "held by server pid " + rows.getInt(1) + " from " + rows.getString(2) + " since "
                    + rows.getObject(3, java.time.OffsetDateTime.class).withNano(0);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while waiting for the migration lock");
        }
    }
}
