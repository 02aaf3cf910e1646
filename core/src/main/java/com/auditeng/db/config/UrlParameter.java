package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The query parameters of a database URL that we read or translate, each declared once with its meaning, as pgjdbc
 * declares its own in {@code PGProperty}. A parameter not listed here passes to pgjdbc unchanged.
 */
enum UrlParameter {
    HOST("host", null, "the server, overriding the URL's host; a Unix socket directory is refused"),
    PORT("port", null, "the server's port, overriding the URL's port"),
    DBNAME("dbname", null, "the database, overriding the URL's path"),
    USER("user", null, "the role to log in as, overriding the URL's user"),
    PASSWORD("password", null, "the role's password; never printed, sent to pgjdbc as a property"),
    SSL("ssl", null, "asyncpg's spelling of sslmode: ssl=require (ssl=true means require)"),
    SSLMODE("sslmode", "sslmode", "disable, allow, prefer (the default), require, verify-ca or verify-full"),
    SSLROOTCERT("sslrootcert", "sslrootcert", "the CA certificate to verify the server with"),
    SSLKEY("sslkey", "sslkey", "the client's private key file; masked when shown"),
    SSLPASSWORD("sslpassword", "sslpassword", "the password of the client's key; never printed"),
    CONNECT_TIMEOUT("connect_timeout", "connectTimeout", "seconds to wait for the server"),
    APPLICATION_NAME("application_name", "ApplicationName", "the name shown in pg_stat_activity"),
    TARGET_SESSION_ATTRS("target_session_attrs", "targetServerType",
            "which server of a set to use: any, read-write, read-only, primary, standby or prefer-standby");

    // libpq's values on the left, pgjdbc's on the right: https://www.postgresql.org/docs/current/libpq-connect.html
    private static final Map<String, String> SESSION_ATTRS = Map.of("any", "any", "read-write", "primary",
            "read-only", "secondary", "primary", "primary", "standby", "secondary",
            "prefer-standby", "preferSecondary");

    private final String urlName;
    private final String jdbcName;
    private final String meaning;

    UrlParameter(String urlName, String jdbcName, String meaning) {
        this.urlName = urlName;
        this.jdbcName = jdbcName;
        this.meaning = meaning;
    }

    String urlName() {
        return urlName;
    }

    String meaning() {
        return meaning;
    }

    static Optional<UrlParameter> named(String urlName) {
        for (UrlParameter parameter : values()) {
            if (parameter.urlName.equals(urlName)) {
                return Optional.of(parameter);
            }
        }
        return Optional.empty();
    }

    /** Whether a parameter's value is a secret: any name holding "password", and the client key. */
    static boolean isSensitive(String name) {
        String lowerCase = name.strip().toLowerCase(Locale.ROOT);
        return lowerCase.contains("password") || lowerCase.equals("sslkey");
    }

    /** The name pgjdbc knows a URL parameter by: ours translated, any other as written. */
    static String jdbcName(String urlName) {
        return named(urlName).map(parameter -> parameter.jdbcName).filter(Objects::nonNull).orElse(urlName);
    }

    /** The value pgjdbc expects for a URL parameter, refusing a value that has no translation. */
    static String jdbcValue(String urlName, String value) {
        return jdbcValue(urlName, value, DatabaseConnector.DATABASE_URL);
    }

    /** As {@link #jdbcValue(String, String)}, for a URL that the setting {@code setting} gave. */
    static String jdbcValue(String urlName, String value, String setting) {
        if (!urlName.equals(TARGET_SESSION_ATTRS.urlName)) {
            return value;
        }
        String translated = SESSION_ATTRS.get(value);
        if (translated == null) {
            // not echoed, as no piece of the URL's text is
            throw new ConfigurationException(setting + " target_session_attrs is not one of any, read-write, "
                    + "read-only, primary, standby or prefer-standby; write one of those");
        }
        return translated;
    }
}
