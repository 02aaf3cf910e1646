package com.auditeng.db.bench.rolling;

import com.auditeng.db.config.DatabaseUrl;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One instance of one application version writing findings at full speed on a connection of its own, with the
 * statements that version's entities make: an insert, then, every other write, an update of every column it maps on
 * a row it wrote or on a row loaded before the run (its own slice of them, so that no two writers race on a row).
 * It remembers the value it last wrote into its tracked column for each row, for the check at the end.
 */
final class VersionWriter implements Runnable {
    /** What one version writes: its statements and the value of the tracked column it puts in each. */
    record Shape(String version, String insert, String update, String trackedColumn, Supplier<Object> value) {
    }

    private final Shape shape;
    private final DatabaseUrl url;
    private final int slice;
    private final int slices;
    private final long loadedRows;
    private final Phases phases;
    private final Map<UUID, Object> expected;
    private final AtomicLong failures;
    private final AtomicLong writes;
    private volatile boolean running = true;

    VersionWriter(Shape shape, DatabaseUrl url, int slice, int slices, long loadedRows, Phases phases,
                  Map<UUID, Object> expected, AtomicLong failures, AtomicLong writes) {
        this.shape = shape;
        this.url = url;
        this.slice = slice;
        this.slices = slices;
        this.loadedRows = loadedRows;
        this.phases = phases;
        this.expected = expected;
        this.failures = failures;
        this.writes = writes;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        List<UUID> mine = new ArrayList<>();
        Connection connection = null;
        long step = 0;
        while (running) {
            step++;
            long start = System.nanoTime();
            try {
                if (connection == null) {
                    connection = DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
                }
                Object value = shape.value().get();
                if (step % 2 == 1 || mine.isEmpty()) {
                    UUID id = UUID.randomUUID();
                    execute(connection, shape.insert(), id, value);
                    mine.add(id);
                    expected.put(id, value);
                } else {
                    UUID id = step % 4 == 0 ? loadedRow() : mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
                    execute(connection, shape.update(), id, value);
                    expected.put(id, value);
                }
                writes.incrementAndGet();
            } catch (SQLException e) {
                failures.incrementAndGet();
                phases.failed(shape.version(), e.getMessage());
                connection = close(connection);
            }
            phases.wrote(System.nanoTime() - start);
        }
        close(connection);
    }

    // the loaded rows' keys are numbered; this writer updates only those of its slice
    private UUID loadedRow() {
        long n = ThreadLocalRandom.current().nextLong(loadedRows / slices) * slices + slice + 1;
        return UUID.fromString(String.format("00000000-0000-7000-8003-%012x", n));
    }

    /** Runs a statement whose first parameter is the tracked value and whose last is the row's id. */
    private static void execute(Connection connection, String sql, UUID id, Object value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, value);
            statement.setObject(2, id);
            statement.executeUpdate();
        }
    }

    private static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a connection the server dropped: a new one is opened for the next write
            }
        }
        return null;
    }
}
