package com.auditeng.db.data;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseUrl;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The Vert.x connect options for a {@link DatabaseUrl}, field by field: the URL is never turned back into a string.
 *
 * <p>Query parameters the Vert.x client understands are mapped ({@code sslmode}, {@code sslrootcert},
 * {@code application_name}, {@code connect_timeout}); the others tune pgjdbc only and concern the migration side.
 * They are not forwarded, because Vert.x would send them to the server as settings, which refuses unknown names.
 */
final class PgOptions {
    private static final String SSL_MODES = "disable, allow, prefer, require, verify-ca or verify-full";

    private PgOptions() {
    }

    static PgConnectOptions of(DatabaseUrl url) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setCachePreparedStatements(true);
        if (url.password() != null) {
            options.setPassword(url.password());
        }
        String applicationName = url.params().get("application_name");
        if (applicationName != null) {
            options.addProperty("application_name", applicationName);
        }
        String connectTimeout = url.params().get("connect_timeout");
        if (connectTimeout != null) {
            options.setConnectTimeout(seconds(connectTimeout) * 1000);
        }
        applySsl(options, url);
        return options;
    }

    private static void applySsl(PgConnectOptions options, DatabaseUrl url) {
        SslMode mode = sslMode(url.params().getOrDefault("sslmode", "prefer"));
        options.setSslMode(mode);
        switch (mode) {
            // libpq and pgjdbc encrypt without checking the certificate in these modes; Vert.x would check it
            case ALLOW, PREFER, REQUIRE -> options.setTrustAll(true);
            case VERIFY_CA, VERIFY_FULL -> {
                options.setTrustOptions(new PemTrustOptions().addCertPath(rootCertificate(url).toString()));
                // verify-ca checks the chain only; verify-full also checks the host name against the certificate
                options.setHostnameVerificationAlgorithm(mode == SslMode.VERIFY_FULL ? "HTTPS" : "");
            }
            default -> {
            }
        }
    }

    private static SslMode sslMode(String text) {
        try {
            // our default is libpq's and pgjdbc's "prefer", not Vert.x's "disable", so both sides behave alike
            return SslMode.of(text.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("DATABASE_URL sslmode '" + text + "' is not known; use " + SSL_MODES);
        }
    }

    /** The CA certificate to verify the server with: {@code sslrootcert}, else libpq's default location. */
    private static Path rootCertificate(DatabaseUrl url) {
        String configured = url.params().get("sslrootcert");
        Path path = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".postgresql", "root.crt");
        if (!Files.isReadable(path)) {
            throw new ConfigurationException("sslmode=" + url.params().get("sslmode") + " needs the server's CA "
                    + "certificate, and " + path + " is not readable; add sslrootcert=PATH to DATABASE_URL");
        }
        return path;
    }

    private static int seconds(String text) {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below, with the form to use
        }
        throw new ConfigurationException("DATABASE_URL connect_timeout '" + text + "' is not a number of seconds; "
                + "write connect_timeout=10");
    }
}
