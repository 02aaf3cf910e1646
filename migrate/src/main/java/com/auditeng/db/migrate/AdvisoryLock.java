package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The lock that serialises writers (upgrade, downgrade, stamp) on one database and schema of the tracking table.
 *
 * <p>A session-level advisory lock, not {@code _xact_}: it must outlive each revision's transaction, and the server
 * frees it when the session ends, so a migrator killed with SIGKILL leaves nothing to unlock by hand.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** "AUDT" in ASCII, the high half of every key: a prefix no other application is likely to pick. */
    private static final long PREFIX = 0x41554454L;
    /**
     * "AUDITENG" in ASCII: the key of the schema {@code public}, as every earlier version locked it. PostgreSQL keeps
     * advisory locks per database already, so this key is per database too; keeping it means a migrator of an
     * earlier version, still starting during a rolling deploy, and one of this version wait for each other.
     */
    private static final long PUBLIC_SCHEMA_KEY = 0x4155444954454E47L;
    private static final Duration POLL = Duration.ofMillis(200);

    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** Takes the lock on this connection's session, waiting up to {@code timeout} and saying on {@code notes} who holds it. */
    public static AdvisoryLock acquire(Connection connection, Duration timeout, PrintWriter notes) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long key = keyOf(connection);
        boolean announced = false;
        while (!tryLock(connection, key)) {
            String holder = holder(connection, key);
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
        return new AdvisoryLock(connection, key);
    }

    /**
     * The key for this session's database and schema: {@link #PREFIX} in the high half, the first four bytes of
     * SHA-256 of {@code database.schema} in the low half. Computed here rather than with the server's
     * {@code hashtext}, which PostgreSQL does not promise to keep across versions, so every migrator of any version
     * and a person locking by hand in psql arrive at the same key. Migrations of two tenants' schemas in one
     * database then run side by side, each still serialised with itself. The schema {@code public} keeps
     * {@link #PUBLIC_SCHEMA_KEY}.
     */
    static long keyOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database(), coalesce(current_schema(), '')")) {
            rows.next();
            if (rows.getString(2).equals("public")) {
                return PUBLIC_SCHEMA_KEY;
            }
            byte[] digest = sha256(rows.getString(1) + "." + rows.getString(2));
            return PREFIX << 32 | (ByteBuffer.wrap(digest).getInt() & 0xFFFFFFFFL);
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /** Who holds this session's lock, from pg_locks and pg_stat_activity: its pid, host and since when. */
    static String holder(Connection connection) throws SQLException {
        return holder(connection, keyOf(connection));
    }

    private static String holder(Connection connection, long key) throws SQLException {
        // a bigint advisory key shows in pg_locks split into classid (high half) and objid (low half); pg_locks
        // lists the advisory locks of every database of the server, and only this database's lock is ours to wait for
        String sql = "SELECT a.pid, coalesce(a.client_hostname, host(a.client_addr), 'local socket'), "
                + "a.backend_start, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = " + (key >>> 32)
                + " AND l.objid = " + (key & 0xFFFFFFFFL) + " AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                return "holder already gone";
            }
            return "held by server pid " + rows.getInt(1) + " from " + rows.getString(2) + " since "
                    + rows.getObject(3, java.time.OffsetDateTime.class).withNano(0);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
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
