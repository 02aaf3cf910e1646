package com.auditeng.db;

import com.auditeng.db.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A real PostgreSQL for tests: one embedded server per test run, a fresh database for each test. */
public final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabase() {
    }

    /** A new, empty database on the shared server. */
    public static DatabaseUrl fresh() {
        DatabaseUrl admin = serverUrl();
        String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return admin.withDatabase(name);
    }

    /** The maintenance database of the shared server, started on first use and stopped when the JVM ends. */
    public static synchronized DatabaseUrl serverUrl() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
            }
        }
        return new DatabaseUrl("localhost", server.getPort(), "postgres", "postgres", null, Map.of());
    }

    public static Connection connect(DatabaseUrl url) {
        try {
            return DriverManager.getConnection(url.jdbcUrl(), url.jdbcProperties());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + url, e);
        }
    }
}
