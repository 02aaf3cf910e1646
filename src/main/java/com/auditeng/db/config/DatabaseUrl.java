package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A PostgreSQL address parsed once from any of the usual URL forms; both the JDBC and the async side are built from it.
 *
 * <p>Accepted: {@code postgresql://}, {@code postgres://}, {@code postgresql+asyncpg://}, {@code postgresql+psycopg://}
 * (and {@code +psycopg2}), {@code jdbc:postgresql://} with user and password in the authority or as query parameters.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password,
                          Map<String, String> params) {

    public static final int DEFAULT_PORT = 5432;
    private static final Set<String> SCHEMES = Set.of("postgresql", "postgres", "postgresql+asyncpg",
            "postgresql+psycopg", "postgresql+psycopg2", "postgres+asyncpg", "jdbc:postgresql");
    private static final String EXAMPLE = "postgresql://USER:PASSWORD@HOST:5432/DATABASE";
    // libpq spells these with underscores, pgjdbc in camel case; the URL may use either
    private static final Map<String, String> JDBC_PARAMETER_NAMES = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "sslrootcert", "sslrootcert",
            "target_session_attrs", "targetServerType");

    public DatabaseUrl {
        if (host == null || host.isBlank()) {
            throw new ConfigurationException("DATABASE_URL names no host; write it as " + EXAMPLE);
        }
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("DATABASE_URL port " + port + " is out of range; use 1-65535 (PostgreSQL listens on 5432 by default)");
        }
        if (database == null || database.isBlank()) {
            throw new ConfigurationException("DATABASE_URL names no database; write it as " + EXAMPLE);
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));   // keeps the order they were written in
    }

    /** Reads a URL in any accepted form; a malformed one is refused with the form to use (never echoing a password). */
    public static DatabaseUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigurationException("DATABASE_URL is empty; set it to " + EXAMPLE + ", or unset it to use the embedded database");
        }
        String trimmed = text.strip();
        int separator = trimmed.indexOf("://");
        if (separator < 0) {
            throw new ConfigurationException("DATABASE_URL is not a URL (no '://'); write it as " + EXAMPLE);
        }
        String scheme = trimmed.substring(0, separator).toLowerCase();
        if (!SCHEMES.contains(scheme)) {
            throw new ConfigurationException("DATABASE_URL scheme '" + scheme + "' is not supported; use postgresql://, "
                    + "postgres://, postgresql+asyncpg://, postgresql+psycopg:// or jdbc:postgresql://");
        }
        String rest = trimmed.substring(separator + 3);
        String query = "";
        int questionMark = rest.indexOf('?');
        if (questionMark >= 0) {
            query = rest.substring(questionMark + 1);
            rest = rest.substring(0, questionMark);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String path = slash >= 0 ? decode(rest.substring(slash + 1)) : "";

        String user = null;
        String password = null;
        // the last '@' ends the credentials: an unencoded '@' in a password stays part of it
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String credentials = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = credentials.indexOf(':');
            user = decode(colon >= 0 ? credentials.substring(0, colon) : credentials);
            password = colon >= 0 ? decode(credentials.substring(colon + 1)) : null;
        }

        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals >= 0 ? pair.substring(0, equals) : pair);
            String value = equals >= 0 ? decode(pair.substring(equals + 1)) : "";
            params.put(key, value);
        }
        if (params.containsKey("user")) {
            user = params.remove("user");
        }
        if (params.containsKey("password")) {
            password = params.remove("password");
        }
        // asyncpg spells sslmode as ssl=require
        if (params.containsKey("ssl") && !params.containsKey("sslmode")) {
            String ssl = params.remove("ssl");
            params.put("sslmode", ssl.equals("true") ? "require" : ssl);
        }

        HostAndPort hostAndPort = HostAndPort.parse(authority);
        String database = path.isEmpty() ? (user != null ? user : "postgres") : path;
        return new DatabaseUrl(hostAndPort.host(), hostAndPort.port(), database,
                user == null || user.isEmpty() ? "postgres" : user, password, params);
    }

    /** The JDBC URL, without credentials: they travel in {@link #jdbcProperties()} so they never reach a log line. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostForUrl()).append(':').append(port)
                .append('/').append(encode(database));
        String query = params.entrySet().stream()
                .map(entry -> JDBC_PARAMETER_NAMES.getOrDefault(entry.getKey(), entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? url.toString() : url.append('?').append(query).toString();
    }

    public Properties jdbcProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** The same address with the password masked: the only form that may be printed or logged. */
    public String redacted() {
        StringBuilder url = new StringBuilder("postgresql://").append(encode(user));
        if (password != null) {
            url.append(":***");
        }
        url.append('@').append(hostForUrl()).append(':').append(port).append('/').append(encode(database));
        if (!params.isEmpty()) {
            url.append('?').append(params.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining("&")));
        }
        return url.toString();
    }

    /** The same server and credentials, another database: used for scratch databases. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, user, password, params);
    }

    @Override
    public String toString() {
        return redacted();
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("DATABASE_URL has a bad percent-encoding; encode special characters "
                    + "of the user and password as %XX (for example '@' as %40)");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record HostAndPort(String host, int port) {
        static HostAndPort parse(String authority) {
            if (authority.isEmpty()) {
                return new HostAndPort("localhost", DEFAULT_PORT);
            }
            String host = authority;
            String port = null;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw new ConfigurationException("DATABASE_URL has an unclosed '[' in its host; write an IPv6 host as [::1]");
                }
                host = authority.substring(1, close);
                String after = authority.substring(close + 1);
                port = after.startsWith(":") ? after.substring(1) : null;
            } else if (authority.contains(":")) {
                host = authority.substring(0, authority.lastIndexOf(':'));
                port = authority.substring(authority.lastIndexOf(':') + 1);
            }
            if (port == null || port.isEmpty()) {
                return new HostAndPort(host, DEFAULT_PORT);
            }
            try {
                return new HostAndPort(host, Integer.parseInt(port));
            } catch (NumberFormatException e) {
                // the text is not echoed: in a URL missing its '@' it may be the password
                throw new ConfigurationException("DATABASE_URL port is not a number; write HOST:5432, "
                        + "and percent-encode a ':' or '@' in the user or password (%3A, %40)");
            }
        }
    }
}
