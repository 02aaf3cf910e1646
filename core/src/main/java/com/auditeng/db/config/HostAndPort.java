package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;

/**
 * The host and port of a URL's authority, either possibly absent (then the environment or the defaults decide).
 *
 * @param host the host name or address, IPv6 without brackets; null when the URL names none
 * @param port null when the URL names none
 */
record HostAndPort(String host, Integer port) {
    static final HostAndPort NONE = new HostAndPort(null, null);

    /** Reads {@code host[:port]} or {@code [ipv6][:port]}, never echoing the text: a misplaced password may be in it. */
    static HostAndPort parse(String hosts, String where) {
        if (hosts.isEmpty()) {
            return NONE;
        }
        if (hosts.contains(",")) {
            throw severalHosts(where);
        }
        String host = hosts;
        String port = null;
        if (hosts.startsWith("[")) {
            int close = hosts.indexOf(']');
            if (close < 0) {
                throw new ConfigurationException(where + " has an unclosed '[' in its host; write an IPv6 host as "
                        + "[::1]");
            }
            host = hosts.substring(1, close);
            String after = hosts.substring(close + 1);
            port = after.startsWith(":") ? after.substring(1) : null;
        } else if (hosts.contains(":")) {
            host = hosts.substring(0, hosts.lastIndexOf(':'));
            port = hosts.substring(hosts.lastIndexOf(':') + 1);
        }
        host = DatabaseUrl.decode(host, where);
        refuseSocket(host, where);
        return new HostAndPort(host.isEmpty() ? null : host, port == null || port.isEmpty() ? null : port(port, where));
    }

    /** A port number in range from the URL; the text is not echoed. */
    static int port(String text, String where) {
        return port(text, where + " port", "write HOST:5432, and " + RawUrl.ENCODE_THE_PASSWORD + " (':' as %3A)");
    }

    /** A port number in range from {@code PGPORT}. */
    static int portVariable(String text) {
        return port(text, "PGPORT", "set it to the server's port (5432 by default), or unset it");
    }

    private static int port(String text, String what, String fix) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
            throw new ConfigurationException(what + " is out of range; use 1-65535 (PostgreSQL listens on 5432 by "
                    + "default)");
        } catch (NumberFormatException e) {
            throw new ConfigurationException(what + " is not a number; " + fix);
        }
    }

    // pgjdbc reaches a Unix socket only through a socket factory library (junixsocket), which we do not ship
    static void refuseSocket(String host, String where) {
        if (host.startsWith("/") || host.startsWith("@")) {
            throw new ConfigurationException(where + " names a Unix socket directory as its host; Unix sockets are "
                    + "not supported, connect over TCP with host=localhost (and the server's port)");
        }
    }

    static ConfigurationException severalHosts(String where) {
        return new ConfigurationException(where + " names several hosts; auditeng connects to one server, so keep "
                + "only the primary's host:port");
    }
}
