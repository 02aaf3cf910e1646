package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PostgreSQL address parsed once from any of the usual URL forms; both the JDBC and the async side are built from it.
 *
 * <p>Accepted: {@code postgresql://}, {@code postgres://}, {@code postgresql+asyncpg://}, {@code postgresql+psycopg://}
 * (and {@code +psycopg2}), {@code jdbc:postgresql://} with user and password in the authority or as query parameters.
 * As with libpq, what the URL leaves out comes from {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD},
 * {@code PGDATABASE} and {@code PGSSLMODE}; the parameters we read or translate are listed in {@link UrlParameter}.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password,
                          Map<String, String> params) {

    public static final int DEFAULT_PORT = 5432;
    /** The variables of libpq that fill what a URL leaves out, as psql reads them; the URL wins over each. */
    public static final List<String> ENVIRONMENT = List.of("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE",
            "PGSSLMODE");
    private static final Set<String> SCHEMES = Set.of("postgresql", "postgres", "postgresql+asyncpg",
            "postgresql+psycopg", "postgresql+psycopg2", "postgres+asyncpg", "jdbc:postgresql");
    private static final Pattern PRINTABLE_SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,30}");

    public DatabaseUrl {
        if (host == null || host.isBlank()) {
            throw new ConfigurationException("the database URL names no host; write it as " + RawUrl.EXAMPLE);
        }
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("the database URL's port " + port + " is out of range; use 1-65535 "
                    + "(PostgreSQL listens on 5432 by default)");
        }
        if (database == null || database.isBlank()) {
            throw new ConfigurationException("the database URL names no database; write it as " + RawUrl.EXAMPLE);
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));   // keeps the order they were written in
    }

    /** Reads a URL in any accepted form, with nothing taken from the environment. */
    public static DatabaseUrl parse(String text) {
        return parse(text, Map.of());
    }

    /**
     * Reads a URL in any accepted form; what it leaves out comes from libpq's variables in {@code environment}
     * ({@link #ENVIRONMENT}), then the defaults. A malformed URL is refused with the form to use, never echoing it.
     */
    public static DatabaseUrl parse(String text, Map<String, String> environment) {
        return parse(text, environment, DatabaseConnector.DATABASE_URL);
    }

    /**
     * As {@link #parse(String, Map)}, for a URL that the setting {@code setting} gave (such as {@code --scratch-url}):
     * what a refusal says to fix.
     */
    public static DatabaseUrl parse(String text, Map<String, String> environment, String setting) {
        if (text == null || text.isBlank()) {
            // the embedded default is chosen by leaving DATABASE_URL unset (ApplicationDatabase, the command line);
            // an empty one is more often a mistake than a choice
            throw new ConfigurationException(setting + " is empty; set it to " + RawUrl.EXAMPLE
                    + ", or unset it to use the embedded database (the command line, ApplicationDatabase)");
        }
        RawUrl raw = RawUrl.split(text, setting);
        if (!SCHEMES.contains(raw.scheme())) {
            // shown only when it cannot be a piece of a password: those follow a ':' or '=', which a scheme lacks
            String shown = PRINTABLE_SCHEME.matcher(raw.scheme()).matches() ? " '" + raw.scheme() + "'" : "";
            throw new ConfigurationException(setting + " scheme" + shown + " is not supported; use postgresql://, "
                    + "postgres://, postgresql+asyncpg://, postgresql+psycopg:// or jdbc:postgresql://");
        }
        String user = null;
        String password = null;
        if (raw.userInfo() != null) {
            int colon = raw.userInfo().indexOf(':');
            user = decode(colon >= 0 ? raw.userInfo().substring(0, colon) : raw.userInfo(), setting);
            password = colon >= 0 ? decode(raw.userInfo().substring(colon + 1), setting) : null;
        }
        HostAndPort hostAndPort = HostAndPort.parse(raw.hosts(), setting);
        String host = hostAndPort.host();
        Integer port = hostAndPort.port();
        String database = decode(raw.path(), setting);

        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.query().split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                params.put(decode(equals >= 0 ? pair.substring(0, equals) : pair, setting),
                        equals >= 0 ? decode(pair.substring(equals + 1), setting) : "");
            }
        }
        // libpq reads the query after the authority, so a parameter given in both places takes the query's value
        if (params.containsKey("host")) {
            host = params.remove("host");
        }
        if (params.containsKey("port")) {
            port = HostAndPort.port(params.remove("port"), setting);
        }
        if (params.containsKey("dbname")) {
            database = params.remove("dbname");
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
        // refuses a value pgjdbc would not understand, now rather than later
        params.forEach((name, value) -> UrlParameter.jdbcValue(name, value, setting));
        return withEnvironment(host, port, database, user, password, params, environment, setting);
    }

    // as libpq: the URL first, then PGHOST and the others, then the defaults (an empty value counts as none)
    private static DatabaseUrl withEnvironment(String host, Integer port, String database, String user,
                                               String password, Map<String, String> params,
                                               Map<String, String> environment, String setting) {
        String hostOrVariable = given(host) ? host : variable(environment, "PGHOST");
        if (hostOrVariable != null) {
            String where = given(host) ? setting : "PGHOST";
            if (hostOrVariable.contains(",")) {
                throw HostAndPort.severalHosts(where);
            }
            HostAndPort.refuseSocket(hostOrVariable, where);
        }
        String portVariable = variable(environment, "PGPORT");
        int portOrDefault = port != null ? port
                : portVariable != null ? HostAndPort.portVariable(portVariable) : DEFAULT_PORT;
        String userOrDefault = given(user) ? user
                : Objects.requireNonNullElse(variable(environment, "PGUSER"), "postgres");
        String passwordOrNone = given(password) ? password : variable(environment, "PGPASSWORD");
        String databaseOrDefault = given(database) ? database
                : Objects.requireNonNullElse(variable(environment, "PGDATABASE"), userOrDefault);
        String sslMode = variable(environment, "PGSSLMODE");
        if (sslMode != null) {
            params.putIfAbsent("sslmode", sslMode);
        }
        return new DatabaseUrl(given(hostOrVariable) ? hostOrVariable : "localhost", portOrDefault, databaseOrDefault,
                userOrDefault, passwordOrNone, params);
    }

    private static boolean given(String value) {
        return value != null && !value.isEmpty();
    }

    private static String variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The text with its password and every secret parameter masked, whether or not it parses: for any message. */
    public static String redact(String text) {
        return RawUrl.redact(text);
    }

    /** The JDBC URL, without credentials or secret parameters: they go in {@link #jdbcProperties()}, never logged. */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostForUrl()).append(':').append(port)
                .append('/').append(encode(database));
        String query = params.entrySet().stream()
                .filter(entry -> !UrlParameter.isSensitive(entry.getKey()))
                .map(entry -> UrlParameter.jdbcName(entry.getKey()) + "="
                        + encode(UrlParameter.jdbcValue(entry.getKey(), entry.getValue())))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? url.toString() : url.append('?').append(query).toString();
    }

    /** The user, and the password and secret parameters when there are any; with no password pgjdbc reads ~/.pgpass. */
    public Properties jdbcProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (hasPassword()) {
            properties.setProperty("password", password);
        }
        params.forEach((name, value) -> {
            if (UrlParameter.isSensitive(name)) {
                properties.setProperty(UrlParameter.jdbcName(name), value);
            }
        });
        return properties;
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** The same address with the password and secret parameters masked: the only form that may be printed or logged. */
    public String redacted() {
        StringBuilder url = new StringBuilder("postgresql://").append(encode(user));
        if (hasPassword()) {
            url.append(":***");
        }
        url.append('@').append(hostForUrl()).append(':').append(port).append('/').append(encode(database));
        if (!params.isEmpty()) {
            url.append('?').append(params.entrySet().stream()
                    .map(entry -> entry.getKey() + "="
                            + (UrlParameter.isSensitive(entry.getKey()) ? "***" : entry.getValue()))
                    .collect(Collectors.joining("&")));
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

    static String decode(String text, String setting) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(setting + " has a bad percent-encoding; encode special characters "
                    + "of the user and password as %XX (for example '@' as %40, '%' as %25)");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
