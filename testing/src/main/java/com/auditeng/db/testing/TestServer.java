package com.auditeng.db.testing;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.config.EmbeddedDatabase;
import com.auditeng.db.config.FileTree;
import com.auditeng.db.startup.StartupMigration;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The server the tests of one JVM share, at the bundled head: {@code TEST_DATABASE_URL}, or an embedded
 * PostgreSQL in a temporary folder (never the developer's own {@code .auditeng/}), deleted when the run ends.
 */
final class TestServer implements ExtensionContext.Store.CloseableResource {
    private final DatabaseUrl url;
    private final Optional<EmbeddedDatabase> embedded;
    private final Optional<Path> home;

    private TestServer(DatabaseUrl url, Optional<EmbeddedDatabase> embedded, Optional<Path> home) {
        this.url = url;
        this.embedded = embedded;
        this.home = home;
    }

    static TestServer start() {
        String given = System.getenv("TEST_DATABASE_URL");
        TestServer server = given != null && !given.isBlank()
                ? new TestServer(DatabaseUrl.parse(given), Optional.empty(), Optional.empty())
                : embedded();
        try {
            StartupMigration.bundled(server.url).toHead().toCompletableFuture().join();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static TestServer embedded() {
        Path home;
        try {
            home = Files.createTempDirectory("auditeng-test");
        } catch (IOException e) {
            throw new ConfigurationException("cannot create a folder for the test database (" + e.getMessage()
                    + "); free space in " + System.getProperty("java.io.tmpdir") + ", or set TEST_DATABASE_URL", e);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(home, Duration.ofSeconds(30), Duration.ZERO,
                new PrintWriter(System.err, true));
        return new TestServer(database.url(), Optional.of(database), Optional.of(home));
    }

    DatabaseUrl url() {
        return url;
    }

    @Override
    public void close() {
        embedded.ifPresent(EmbeddedDatabase::close);
        home.ifPresent(FileTree::deleteQuietly);
    }
}
