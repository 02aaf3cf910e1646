package com.auditeng.db;

import com.auditeng.db.config.DatabaseUrl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real PgBouncer (Debian's package) in front of the shared test server, in the pool mode a test asks for.
 * Where it is not installed the test is skipped, unless {@code -Dauditeng.require.pgbouncer=true} (set by CI,
 * which installs it) makes that a failure.
 */
public final class PgBouncer implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final Path folder;
    private final int port;

    private PgBouncer(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Starts PgBouncer with {@code pool_mode} and {@code poolSize} server connections per database. */
    public static PgBouncer start(String poolMode, int poolSize) throws IOException, InterruptedException {
        boolean required = Boolean.getBoolean("auditeng.require.pgbouncer");
        if (!Files.isExecutable(BINARY)) {
            if (required) {
                throw new IllegalStateException("PgBouncer is required but " + BINARY + " is missing; apt-get install pgbouncer");
            }
            assumeTrue(false, "PgBouncer is not installed (apt-get install pgbouncer)");
        }
        DatabaseUrl server = TestDatabase.serverUrl();
        Path folder = Files.createTempDirectory("pgbouncer");
        int port = freePort();
        Files.writeString(folder.resolve("users.txt"), "\"postgres\" \"\"\n");
        Files.writeString(folder.resolve("pgbouncer.ini"), String.join("\n",
                "[databases]",
                "* = host=127.0.0.1 port=" + server.port(),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "auth_type = trust",
                "auth_file = " + folder.resolve("users.txt"),
                "pool_mode = " + poolMode,
                "default_pool_size = " + poolSize,
                "max_client_conn = 200",
                // pgjdbc sends these at start-up; PgBouncer refuses parameters it does not know unless told to ignore them
                "ignore_startup_parameters = extra_float_digits,options",
                "logfile = " + folder.resolve("pgbouncer.log"),
                ""));
        runAsPostgres(List.of("chown", "-R", "postgres", folder.toString()), true);
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.add(folder.resolve("pgbouncer.ini").toString());
        Process process = runAsPostgres(command, false);
        PgBouncer bouncer = new PgBouncer(process, folder, port);
        bouncer.awaitListening();
        return bouncer;
    }

    /** The test database {@code database} of the shared server, reached through this PgBouncer. */
    public DatabaseUrl url(DatabaseUrl database) {
        return new DatabaseUrl("127.0.0.1", port, database.database(), "postgres", null, Map.of());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // PgBouncer refuses to run as root, as PostgreSQL does
    private static Process runAsPostgres(List<String> command, boolean onlyWhenRoot) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> full = new ArrayList<>();
        if (root && !onlyWhenRoot) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        if (onlyWhenRoot && !root) {
            return null;
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (onlyWhenRoot) {
            process.waitFor();
        }
        return process;
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer stopped at start: " + log());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("PgBouncer did not listen on port " + port + ": " + log());
    }

    private String log() throws IOException {
        Path log = folder.resolve("pgbouncer.log");
        return Files.exists(log) ? Files.readString(log) : "no log";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
