package com.auditeng.db;

import com.auditeng.db.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A second embedded PostgreSQL that checks passwords (scram-sha-256) for role {@code app}; the shared test server
 * trusts everyone, so it cannot show a wrong password being refused.
 */
public final class PasswordServer {
    public static final String PASSWORD = "Hunter2-S3cret";
    private static EmbeddedPostgres server;

    private PasswordServer() {
    }

    public static synchronized DatabaseUrl app() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(true)
                        .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            DatabaseUrl admin = new DatabaseUrl("localhost", server.getPort(), "postgres", "postgres", null, Map.of());
            try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
                 Statement statement = connection.createStatement()) {
                statement.execute("SET password_encryption = 'scram-sha-256'");
                statement.execute("CREATE ROLE app LOGIN PASSWORD '" + PASSWORD + "'");
                statement.execute("CREATE DATABASE app OWNER app");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new DatabaseUrl("localhost", server.getPort(), "app", "app", PASSWORD, Map.of());
    }

    // the superuser keeps trust so that the embedded server's own start-up check can connect
    private static void writeHba(java.nio.file.Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
