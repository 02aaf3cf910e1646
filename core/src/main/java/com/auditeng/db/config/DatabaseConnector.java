package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.ArrayList;
import java.util.List;

/** Opens JDBC connections to a {@link DatabaseUrl}, turning driver failures into one line that names the fix. */
public final class DatabaseConnector {
    // DriverManager finds its drivers by asking every jar on the class path for a service file, which opens all of
    // them (Hibernate's and Liquibase's, some 60) on a command's first connection: the one driver we use is named
    private static final Driver DRIVER = new org.postgresql.Driver();

    /** The setting a URL comes from unless said otherwise, named in the fix of a failure. */
    public static final String DATABASE_URL = "DATABASE_URL";

    private final DatabaseUrl url;
    private final String setting;

    public DatabaseConnector(DatabaseUrl url) {
        this(url, DATABASE_URL);
    }

    /** @param setting where {@code url} came from, such as {@code --scratch-url}: what a failure says to fix */
    public DatabaseConnector(DatabaseUrl url, String setting) {
        this.url = url;
        this.setting = setting;
    }

    public DatabaseUrl url() {
        return url;
    }

    public Connection open() {
        try {
            return connect(url.jdbcUrl(), url.jdbcProperties());
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /** Like {@link #open()}, giving up when the server (or a pooler in front of it) has not let us in within {@code wait}. */
    public Connection openWithin(Duration wait) {
        Properties properties = url.jdbcProperties();
        properties.setProperty("loginTimeout", Long.toString(Math.max(1, wait.toSeconds())));
        try {
            return connect(url.jdbcUrl(), properties);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    /** A connection to {@code url}, its failures as the driver reports them. */
    public static Connection connect(DatabaseUrl url) throws SQLException {
        return connect(url.jdbcUrl(), url.jdbcProperties());
    }

    private static Connection connect(String jdbcUrl, Properties properties) throws SQLException {
        Connection connection = DRIVER.connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + jdbcUrl, "08001");
        }
        return connection;
    }

    private ConfigurationException explain(SQLException e) {
        String message = ConnectionFailure.explain(url, setting, e, e.getSQLState() == null ? "" : e.getSQLState())
                .orElse("cannot connect to PostgreSQL at " + url.redacted() + " (" + redact(e.getMessage())
                        + "); fix " + setting + " or the server");
        return new ConfigurationException(message, new SQLException(redact(e.getMessage()), e.getSQLState()));
    }

    /**
     * Driver messages can echo connection details; the password and secret parameters must never be among them,
     * neither as written nor percent-encoded, nor any URL in the text.
     */
    public String redact(String text) {
        if (text == null) {
            return "no detail";
        }
        List<String> secrets = new ArrayList<>();
        if (url.hasPassword()) {
            secrets.add(url.password());
        }
        url.params().forEach((name, value) -> {
            if (UrlParameter.isSensitive(name) && !value.isEmpty()) {
                secrets.add(value);
            }
        });
        String redacted = text;
        for (String secret : secrets) {
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            for (String form : List.of(secret, encoded, encoded.replace("+", "%20"))) {
                redacted = redacted.replace(form, "***");
            }
        }
        return redacted.contains("://") ? DatabaseUrl.redact(redacted) : redacted;
    }
}
