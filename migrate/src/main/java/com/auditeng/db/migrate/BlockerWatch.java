package com.auditeng.db.migrate;

import com.auditeng.db.config.DatabaseConnector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Names the sessions a migration statement waits for, from a connection of its own.
 *
 * <p>{@code pg_blocking_pids} only answers while the statement waits; once the lock timeout fires, the queue it
 * stood in is gone. So while an attempt runs, this looks every so often, starting when half the lock timeout has
 * passed (a statement that gets its locks at once costs nothing, not even the second connection), and only while
 * the migrator's backend waits on a lock: the function takes the lock manager's partition locks, so it is not
 * called for a statement that is merely long.
 */
final class BlockerWatch implements AutoCloseable {
    private static final Duration SMALLEST_INTERVAL = Duration.ofMillis(100);
    private static final String BLOCKERS = "SELECT b.pid, coalesce(b.application_name, ''), coalesce(b.state, ''), "
            + "coalesce(extract(epoch FROM now() - coalesce(b.xact_start, b.query_start)), 0), coalesce(b.query, '') "
            + "FROM pg_stat_activity w CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS blocking(pid) "
            + "JOIN pg_stat_activity b ON b.pid = blocking.pid "
            + "WHERE w.pid = ? AND w.wait_event_type = 'Lock' ORDER BY b.pid";

    private final DatabaseConnector connector;
    private final int migratorPid;
    private final Duration firstLook;
    private final Duration interval;
    private final AtomicReference<List<Blocker>> lastSeen = new AtomicReference<>(List.of());
    private ScheduledExecutorService looker;
    private ScheduledFuture<?> looking;
    private Connection connection;
    private boolean closed;

    BlockerWatch(DatabaseConnector connector, int migratorPid, Duration lockTimeout) {
        this.connector = connector;
        this.migratorPid = migratorPid;
        this.firstLook = lockTimeout.dividedBy(2);
        Duration quarter = lockTimeout.dividedBy(4);
        this.interval = quarter.compareTo(SMALLEST_INTERVAL) > 0 ? quarter : SMALLEST_INTERVAL;
    }

    /** Starts looking for the blockers of one attempt; what an earlier attempt saw is forgotten. */
    synchronized void start() {
        lastSeen.set(List.of());
        if (looker == null) {
            looker = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "auditeng-blocker-watch");
                thread.setDaemon(true);
                return thread;
            });
        }
        looking = looker.scheduleWithFixedDelay(this::look, firstLook.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops looking; returns the blockers last seen during the attempt, none when it never waited long. */
    synchronized List<Blocker> stop() {
        if (looking != null) {
            looking.cancel(false);
            looking = null;
        }
        return lastSeen.get();
    }

    /** Ends the sessions that block while idle in a transaction; returns those it ended. */
    synchronized List<Blocker> terminateIdle(List<Blocker> blockers) {
        List<Blocker> ended = new ArrayList<>();
        for (Blocker blocker : blockers) {
            if (!blocker.isIdleInTransaction()) {
                continue;
            }
            try (PreparedStatement terminate = watchConnection().prepareStatement("SELECT pg_terminate_backend(?)")) {
                terminate.setInt(1, blocker.pid());
                try (ResultSet rows = terminate.executeQuery()) {
                    if (rows.next() && rows.getBoolean(1)) {
                        ended.add(blocker);
                    }
                }
            } catch (SQLException e) {
                // not allowed (another role's session without pg_signal_backend) or already gone: it stays a blocker
            }
        }
        return ended;
    }

    private void look() {
        try (PreparedStatement query = watchConnection().prepareStatement(BLOCKERS)) {
            query.setInt(1, migratorPid);
            List<Blocker> blockers = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    blockers.add(new Blocker(rows.getInt(1), rows.getString(2), rows.getString(3),
                            Duration.ofMillis((long) (rows.getDouble(4) * 1000)), rows.getString(5)));
                }
            }
            if (!blockers.isEmpty()) {
                lastSeen.set(List.copyOf(blockers));
            }
        } catch (SQLException | RuntimeException e) {
            // naming the blocker is a courtesy: the retry goes on without it
        }
    }

    private synchronized Connection watchConnection() throws SQLException {
        if (closed) {
            // a look already running when the watch closed must not open a connection nobody will close
            throw new SQLException("the blocker watch is closed");
        }
        if (connection == null) {
            connection = connector.open();
        }
        return connection;
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
        if (looker != null) {
            looker.shutdownNow();
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the watch connection only ever read; nothing to keep
            }
        }
    }
}
