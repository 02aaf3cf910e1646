package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The zero-install PostgreSQL: a zonky embedded server whose data lives under the AuditEng home folder
 * ({@code .auditeng/}), started for one command and stopped when it ends.
 *
 * <p>One command at a time owns the server: a file lock in the home folder makes a second command wait, so two
 * commands never start two servers on one data directory.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "auditeng";
    private static final Duration POLL = Duration.ofMillis(100);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final DatabaseUrl url;

    private EmbeddedDatabase(FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres, DatabaseUrl url) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.url = url;
    }

    /** Starts the server on the data kept in {@code home}, creating it on first use; waits while another command holds it. */
    public static EmbeddedDatabase start(Path home, Duration wait, PrintWriter notes) {
        return start(home, wait, notes, ", or set DATABASE_URL to use another server");
    }

    /**
     * As {@link #start(Path, Duration, PrintWriter)}, for a caller that does not hold the user's database, whose
     * failure does not say to set DATABASE_URL.
     *
     * @param otherwise what else the user can do when the server does not start, after the log file is named
     */
    public static EmbeddedDatabase start(Path home, Duration wait, PrintWriter notes, String otherwise) {
        Path data = home.resolve("postgres");
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve("embedded.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = acquire(channel, home, wait, notes);
            stopOrphanedServer(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(freePort())
                    .setServerConfig("listen_addresses", "localhost")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                    .start();
            DatabaseUrl url = new DatabaseUrl("localhost", postgres.getPort(), DATABASE, "postgres", null, Map.of());
            ensureDatabase(url);
            return new EmbeddedDatabase(channel, lock, postgres, url);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof ConfigurationException configuration) {
                throw configuration;
            }
            throw new ConfigurationException("cannot start the embedded PostgreSQL in " + data + " (" + e.getMessage()
                    + "); see " + home.resolve("postgres.log") + otherwise, e);
        }
    }

    public DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the server may already be stopping (Ctrl-C reaches it too); the lock is released either way
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel is closed next, which releases the lock as well
            }
            closeQuietly(lockChannel);
        }
    }

    private static FileLock acquire(FileChannel channel, Path home, Duration wait, PrintWriter notes) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        notes.println("note: another auditeng command is using the embedded database in " + home + "; waiting for it");
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            sleep();
            lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        }
        throw new ConfigurationException("the embedded database in " + home + " stayed busy for " + wait.toSeconds()
                + " s; wait for the other auditeng command to end, or raise --lock-timeout");
    }

    // A command killed with SIGKILL cannot stop its server; we hold the home lock, so a live postmaster here is an orphan.
    private static void stopOrphanedServer(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        Optional<ProcessHandle> orphan = firstLine.matches("\\d+")
                ? ProcessHandle.of(Long.parseLong(firstLine)) : Optional.empty();
        if (orphan.isEmpty() || !orphan.get().isAlive()
                || !orphan.get().info().command().map(command -> command.endsWith("postgres")).orElse(false)) {
            return;
        }
        orphan.get().destroy();   // SIGTERM: a smart shutdown, and an orphan has no clients left
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (orphan.get().isAlive() && System.nanoTime() < deadline) {
            sleep();
        }
    }

    private static void ensureDatabase(DatabaseUrl url) {
        try (Connection connection = new DatabaseConnector(url.withDatabase("postgres")).open();
             Statement statement = connection.createStatement()) {
            boolean exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next();
            if (!exists) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new ConfigurationException("the embedded PostgreSQL started but its database could not be prepared ("
                    + e.getMessage() + "); remove the folder it lives in to start afresh", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while waiting for the embedded database");
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing is left to release
        }
    }
}
