package com.auditeng.db;

import com.auditeng.db.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, and a fresh database wherever a test asks for one.
 *
 * <p>The server is the PostgreSQL 17 the program embeds, unless {@code -Dauditeng.pg.version=13} (14, 15, 16) asks
 * for another: the {@code pg-matrix} profile then puts that version's binaries jar at {@code auditeng.pg.binaries}.
 */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    // one maintenance connection a server for the JVM's life: a connection for each test database would cost the
    // server a backend each, several hundred a run
    private static final Map<String, Connection> ADMIN = new HashMap<>();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    private static EmbeddedPostgres secondServer;

    /** A new, empty database on the shared server. */
    public static DatabaseUrl fresh() {
        return freshOn(serverUrl());
    }

    /** A new, empty database on the server whose maintenance database is {@code admin}. */
    public static synchronized DatabaseUrl freshOn(DatabaseUrl admin) {
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try {
            create(admin, name);
        } catch (SQLException first) {
            // a test may have ended every session of the server, this one's too: once more on a new one
            closeQuietly(ADMIN.remove(admin.jdbcUrl()));
            try {
                create(admin, name);
            } catch (SQLException e) {
                e.addSuppressed(first);
                throw new IllegalStateException("cannot create test database " + name, e);
            }
        }
        return admin.withDatabase(name);
    }

    private static void create(DatabaseUrl admin, String name) throws SQLException {
        Connection connection = ADMIN.get(admin.jdbcUrl());
        if (connection == null) {
            connection = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
            ADMIN.put(admin.jdbcUrl(), connection);
        }
        // a copy of the template's files, where PostgreSQL 15 and later otherwise write each page through the WAL:
        // 40 against 65 ms a database with the data in memory, timed in psql
        String strategy = connection.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY FILE_COPY" : "";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + strategy);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // already broken: that is why it is closed
        }
    }

    /** The maintenance database of the shared server, started on first use and stopped when the JVM ends. */
    public static synchronized DatabaseUrl serverUrl() {
        if (server == null) {
            server = start();
            requestedVersion().ifPresent(TestDatabase::requireVersion);
        }
        return new DatabaseUrl("localhost", server.getPort(), "postgres", "postgres", null, Map.of());
    }

    /** The maintenance database of a second server, for tests of many databases across servers. */
    public static synchronized DatabaseUrl secondServerUrl() {
        if (secondServer == null) {
            secondServer = start();
        }
        return new DatabaseUrl("localhost", secondServer.getPort(), "postgres", "postgres", null, Map.of());
    }

    private static EmbeddedPostgres start() {
        try {
            // the suite creates and drops hundreds of databases; their files need not survive a crash of the machine,
            // and no replica follows them: no fsync, no full-page images, and the least WAL a server can write
            // (a CREATE DATABASE took 75 instead of 125 ms with wal_level minimal, PostgreSQL 15, timed with psql)
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(true)
                    .setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off")
                    .setServerConfig("wal_level", "minimal").setServerConfig("max_wal_senders", "0");
            requestedVersion().ifPresent(version -> builder.setPgBinaryResolver(binariesOf(version)));
            return builder.setDataDirectory(ServerFolders.next()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL for tests", e);
        }
    }

    /** The major version {@code -Dauditeng.pg.version} asks for; empty for the embedded default. */
    public static Optional<Integer> requestedVersion() {
        String version = System.getProperty("auditeng.pg.version", "");
        return version.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(version.strip()));
    }

    // zonky reads one archive name from the class path, which holds the program's own PostgreSQL 17: another
    // version's archive is read from its own jar instead
    private static PgBinaryResolver binariesOf(int version) {
        String jar = System.getProperty("auditeng.pg.binaries", "");
        if (jar.isBlank() || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("-Dauditeng.pg.version=" + version + " needs the binaries jar of that "
                    + "version at -Dauditeng.pg.binaries (found '" + jar + "'); run ./test-matrix " + version);
        }
        // the jar is of one platform (linux-amd64, as the program's own) and holds one archive
        return (system, architecture) -> {
            JarFile binaries = new JarFile(jar);
            Optional<JarEntry> archive = binaries.stream().filter(entry -> entry.getName().endsWith(".txz")).findFirst();
            if (archive.isEmpty()) {
                binaries.close();
                throw new IOException(jar + " holds no PostgreSQL archive (.txz)");
            }
            return new FilterInputStream(binaries.getInputStream(archive.get())) {
                @Override
                public void close() throws IOException {
                    super.close();
                    binaries.close();
                }
            };
        };
    }

    private static void requireVersion(int version) {
        DatabaseUrl admin = new DatabaseUrl("localhost", server.getPort(), "postgres", "postgres", null, Map.of());
        try (Connection connection = connect(admin)) {
            int running = connection.getMetaData().getDatabaseMajorVersion();
            if (running != version) {
                throw new IllegalStateException("-Dauditeng.pg.version=" + version + " asked for PostgreSQL "
                        + version + ", but the embedded server is " + running);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection connect(DatabaseUrl url) {
        try {
            return DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }
}
