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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The zero-install PostgreSQL: a zonky embedded server whose data lives under the AuditEng home folder
 * ({@code .auditeng/}), started by the first command that needs it and left running for the next ones until it has
 * gone unused for the idle time ({@link IdleShutdown}); with an idle time of zero, each command stops it as it ends.
 *
 * <p>One command at a time owns the server: a file lock in the home folder makes a second command wait, so two
 * commands never start two servers on one data directory, and the idle shutdown never stops it under a command.
 * A command that finds the server running connects to it: a JVM start, not a PostgreSQL start, is what it costs.
 */
public final class EmbeddedDatabase implements DevelopmentServer {
    public static final String DATABASE = "auditeng";
    static final String LOCK_FILE = "embedded.lock";
    static final String DATA_FOLDER = "postgres";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    // zonky locks the data directory for as long as its EmbeddedPostgres is open, and only this JVM knows that lock:
    // a server started here is stopped through zonky, so that a later start here (tests, the start-up training) can
    private static final Map<Path, EmbeddedPostgres> STARTED_HERE = new ConcurrentHashMap<>();
    private static final AtomicBoolean ANY_STARTED_HERE = new AtomicBoolean();

    private final Path home;
    private final Duration idle;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final RunningServer server;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread closeOnExit = new Thread(this::close, "auditeng-embedded-close");

    private EmbeddedDatabase(Path home, Duration idle, FileChannel lockChannel, FileLock lock, RunningServer server) {
        this.home = home;
        this.idle = idle;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        // Ctrl-C or kill ends the JVM without unwinding the command: the server is stopped, or its use recorded, then
        Runtime.getRuntime().addShutdownHook(closeOnExit);
    }

    /**
     * The server on the data kept in {@code home}: the running one, or one started now (creating the data on first
     * use); waits up to {@code wait} while another command holds it. Closing it leaves the server running for
     * {@code idle}, or stops it when {@code idle} is zero.
     */
    public static EmbeddedDatabase start(Path home, Duration wait, Duration idle, PrintWriter notes) {
        return start(home, wait, idle, notes, ", or set DATABASE_URL to use another server");
    }

    /**
     * As {@link #start(Path, Duration, Duration, PrintWriter)}, for a caller that does not hold the user's database,
     * whose failure does not say to set DATABASE_URL.
     *
     * @param otherwise what else the user can do when the server does not start, after the log file is named
     */
    public static EmbeddedDatabase start(Path home, Duration wait, Duration idle, PrintWriter notes,
                                         String otherwise) {
        Path data = home.resolve(DATA_FOLDER);
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = acquire(channel, home, wait, notes);
            Optional<RunningServer> running = RunningServer.in(data);
            if (running.isPresent() && running.get().ready()) {
                return new EmbeddedDatabase(home, idle, channel, lock, running.get());
            }
            // one starting or stopping without us holding the lock was left by a command killed with SIGKILL
            running.ifPresent(orphan -> stop(data, orphan));
            RunningServer started = startServer(home, data);
            ensureDatabase(started.url("postgres"));
            return new EmbeddedDatabase(home, idle, channel, lock, started);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof ConfigurationException configuration) {
                throw configuration;
            }
            throw new ConfigurationException("cannot start the embedded PostgreSQL in " + data + " (" + e.getMessage()
                    + "); see " + home.resolve("postgres.log") + otherwise, e);
        }
    }

    /** Stops the server of {@code home} now, waiting up to {@code wait} for a command using it; false when none ran. */
    public static boolean stop(Path home, Duration wait, PrintWriter notes) {
        if (!Files.isDirectory(home)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(home.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = acquire(channel, home, wait, notes)) {
            Optional<RunningServer> running = RunningServer.in(home.resolve(DATA_FOLDER));
            running.ifPresent(server -> stop(home.resolve(DATA_FOLDER), server));
            return running.isPresent();
        } catch (IOException e) {
            throw new ConfigurationException("cannot stop the embedded PostgreSQL in " + home + " (" + e.getMessage()
                    + "); check the folder's permissions", e);
        }
    }

    /**
     * Whether this JVM has started a server. zonky's first start writes a script to the temporary folder and leaves
     * its removal to the JVM's ordinary exit ({@link java.io.File#deleteOnExit()}), which {@link Runtime#halt} skips.
     */
    public static boolean startedAServerHere() {
        return ANY_STARTED_HERE.get();
    }

    @Override
    public DatabaseUrl url() {
        return server.url(DATABASE);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(closeOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook
        }
        try {
            if (idle.isZero()) {
                stop(home.resolve(DATA_FOLDER), server);
            } else {
                IdleShutdown.recordUse(home, idle);
            }
        } catch (IOException e) {
            // without a watcher the server would run on: stop it rather than leave it behind
            stop(home.resolve(DATA_FOLDER), server);
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel is closed next, which releases the lock as well
            }
            closeQuietly(lockChannel);
        }
    }

    // The postmaster is zonky's child process but not tied to this JVM: without a shutdown hook it runs on after
    // the command, and close() (or the idle shutdown) stops it by its process id, as any later command can.
    private static RunningServer startServer(Path home, Path data) throws IOException {
        EmbeddedPostgres earlier = STARTED_HERE.remove(data);
        if (earlier != null) {
            earlier.close();   // its server was stopped by another process; this releases zonky's lock
        }
        ANY_STARTED_HERE.set(true);
        // the template is looked up only for a new cluster: most starts find theirs
        EmbeddedPostgres postgres = Files.exists(data.resolve("postgresql.conf")) ? start(home, data, Optional.empty())
                : startOnTemplate(home, data, ClusterTemplate.forThisEnvironment());
        STARTED_HERE.put(data, postgres);
        return RunningServer.in(data).filter(RunningServer::ready).orElseThrow(() -> new IOException(
                "the server on port " + postgres.getPort() + " started but its postmaster.pid does not say it is ready"));
    }

    /**
     * zonky's server on {@code data}, where there is no cluster yet: on a copy of the template, or on the cluster
     * initdb makes, which is kept as the template.
     */
    static EmbeddedPostgres startOnTemplate(Path home, Path data, ClusterTemplate template) throws IOException {
        if (!template.copyTo(data)) {
            return start(home, data, Optional.of(template));
        }
        try {
            return start(home, data, Optional.empty());
        } catch (IOException | RuntimeException e) {
            if (RunningServer.in(data).isPresent()) {
                throw e;   // started after all, too late: its data stays
            }
            // a template these binaries refuse (kept with others) or this file system lost the permissions of: initdb
            // makes the cluster, and the template kept from it
            template.discard();
            FileTree.delete(data);
            return start(home, data, Optional.of(template));
        }
    }

    /** zonky's server on {@code data}, keeping the cluster its initdb makes there as {@code template}, if given. */
    private static EmbeddedPostgres start(Path home, Path data, Optional<ClusterTemplate> template) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                // called at every start, after initdb where there was no cluster: the template is kept only then
                .setDataDirectoryCustomizer(made -> template.ifPresent(kept -> kept.keep(made.toPath())))
                .setRegisterShutdownHook(false)
                .setPort(freePort())
                .setServerConfig("listen_addresses", "localhost")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .start();
    }

    private static void stop(Path data, RunningServer server) {
        EmbeddedPostgres startedHere = STARTED_HERE.remove(data);
        if (startedHere == null) {
            server.stop(STOP_WAIT);
            return;
        }
        try {
            startedHere.close();
        } catch (IOException e) {
            server.stop(STOP_WAIT);
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

    private static void ensureDatabase(DatabaseUrl url) {
        try (Connection connection = DatabaseConnector.connect(url.withDatabase("postgres"));
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
            throw new ConfigurationException("interrupted while waiting for the embedded database; nothing was changed, "
                    + "run the command again");
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
