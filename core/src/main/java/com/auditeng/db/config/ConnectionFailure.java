package com.auditeng.db.config;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Why a connection to PostgreSQL could not be made, in one line that names the fix: the one explanation of the
 * JDBC side ({@link DatabaseConnector}) and of the async side alike.
 */
public final class ConnectionFailure {
    private ConnectionFailure() {
    }

    /**
     * The explanation of {@code failure} (its causes included) on the way to {@code url}, when it is one we know.
     *
     * @param sqlState the SQLSTATE the server answered with, or "" when it did not answer
     */
    public static Optional<String> explain(DatabaseUrl url, Throwable failure, String sqlState) {
        return explain(url, DatabaseConnector.DATABASE_URL, failure, sqlState);
    }

    /** As {@link #explain(DatabaseUrl, Throwable, String)}, for a URL that the setting {@code setting} gave. */
    public static Optional<String> explain(DatabaseUrl url, String setting, Throwable failure, String sqlState) {
        String where = url.redacted();
        if (hasCause(failure, UnknownHostException.class)) {
            return Optional.of("unknown host '" + url.host() + "' in " + setting + " " + where
                    + "; check the host name, or fix " + setting);
        }
        if (hasCause(failure, ConnectException.class) || hasCause(failure, NoRouteToHostException.class)) {
            return Optional.of("cannot reach PostgreSQL at " + where + " (connection refused); start the server, or "
                    + "fix the host and port in " + setting);
        }
        if (hasCause(failure, SocketTimeoutException.class)) {
            return Optional.of("PostgreSQL at " + where + " did not answer in time; check the host, port and "
                    + "firewall, or fix " + setting);
        }
        // https://www.postgresql.org/docs/current/errcodes-appendix.html: invalid_password, invalid_authorization
        if (sqlState.equals("28P01") || sqlState.equals("28000")) {
            return Optional.of("PostgreSQL at " + where + " refused the credentials of user '" + url.user()
                    + "'; check the user and password in " + setting);
        }
        if (sqlState.equals("3D000")) {
            return Optional.of("database '" + url.database() + "' does not exist at " + where + "; create it "
                    + "(createdb " + url.database() + ") or fix " + setting);
        }
        return Optional.empty();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
