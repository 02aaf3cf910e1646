package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text of a database URL cut into its pieces, still percent-encoded: where the credentials end, then hosts, path
 * and query. No piece of the text ever goes into a message; {@link #redact(String)} is the only way to show it.
 *
 * <p>People paste passwords unencoded, so a password may hold a raw {@code /}, {@code ?} or {@code @}, and the
 * credentials then end at an {@code @} beyond the first {@code /} or {@code ?}. A text is read that way only when
 * that is its one sensible reading; when two readings make sense, it is refused, naming the encoding to use.
 *
 * @param scheme   the scheme in lower case, as in {@code postgresql+asyncpg} or {@code jdbc:postgresql}
 * @param userInfo {@code user[:password]} before the {@code @}; null when the URL has none
 * @param hosts    {@code host[:port]}, possibly empty or a list
 * @param path     after the {@code /} that follows the hosts; empty when there is none
 * @param query    after the {@code ?}; empty when there is none
 */
record RawUrl(String scheme, String userInfo, String hosts, String path, String query) {
    static final String EXAMPLE = "postgresql://USER:PASSWORD@HOST:5432/DATABASE";
    static final String ENCODE_THE_PASSWORD = "percent-encode '/' as %2F, '?' as %3F, '@' as %40 in the password";

    // host[:port] and more of them after commas; a bracketed IPv6 address; %2F... for a socket directory
    private static final String HOST = "(?:\\[[0-9A-Za-z:.%]*]|[A-Za-z0-9._%~-]*)(?::[0-9]*)?";
    private static final Pattern HOSTS = Pattern.compile(HOST + "(?:," + HOST + ")*");
    private static final Pattern QUERY_INSIDE = Pattern.compile("[?&][A-Za-z_][A-Za-z0-9_]*=");

    /** Cuts a URL into its pieces; a text that is no URL, or that reads two ways, is refused without echoing it. */
    static RawUrl split(String text, String setting) {
        String trimmed = text.strip();
        int separator = trimmed.indexOf("://");
        if (separator < 0) {
            throw new ConfigurationException(setting + " is not a URL (no '://'); write it as " + EXAMPLE);
        }
        String scheme = trimmed.substring(0, separator).toLowerCase(Locale.ROOT);
        String rest = trimmed.substring(separator + 3);
        int at = credentialsEnd(rest, setting);
        String userInfo = at >= 0 ? rest.substring(0, at) : null;
        String remainder = rest.substring(at + 1);
        int questionMark = remainder.indexOf('?');
        String query = questionMark >= 0 ? remainder.substring(questionMark + 1) : "";
        String beforeQuery = questionMark >= 0 ? remainder.substring(0, questionMark) : remainder;
        int slash = beforeQuery.indexOf('/');
        return new RawUrl(scheme, userInfo, slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery,
                slash >= 0 ? beforeQuery.substring(slash + 1) : "", query);
    }

    /**
     * The text with everything that may be a secret masked: from the first {@code :} after the scheme to the last
     * {@code @} (a password however written, at the cost of sometimes masking more), and the value of every query
     * parameter named like a password, or {@code sslkey}, up to the next {@code &}. Both are found in the text as
     * written, so it works on any text, URL or not, without parsing it.
     */
    static String redact(String text) {
        if (text == null) {
            return null;
        }
        boolean[] secret = new boolean[text.length()];
        int separator = text.indexOf("://");
        int colon = text.indexOf(':', separator < 0 ? 0 : separator + 3);
        int at = text.lastIndexOf('@');
        if (colon >= 0 && at > colon) {
            Arrays.fill(secret, colon + 1, at, true);
        }
        // every '?' and '&' may start a parameter, even inside another's value: a value never hides a secret's name
        for (int i = 0; i < text.length(); i++) {
            int equals = text.indexOf('=', i + 1);
            if ((text.charAt(i) == '?' || text.charAt(i) == '&') && equals > i) {
                String name = text.substring(i + 1, equals);
                if (firstOf(name, "?&") == name.length() && UrlParameter.isSensitive(decodeLeniently(name))) {
                    int end = text.indexOf('&', equals + 1);
                    Arrays.fill(secret, equals + 1, end < 0 ? text.length() : end, true);
                }
            }
        }
        StringBuilder redacted = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (!secret[i]) {
                redacted.append(text.charAt(i));
            } else if (i == 0 || !secret[i - 1]) {
                redacted.append("***");
            }
        }
        return redacted.toString();
    }

    /**
     * Where the credentials end: the {@code @} before the host, or -1. Usually it is the last {@code @} before the
     * first {@code /} or {@code ?}; an {@code @} beyond them means either a password with a raw {@code /} or
     * {@code ?}, or an {@code @} in the path or a query value ({@code ?user=bob@corp}). Every reading is weighed,
     * and the text is read one way only when that is the one way that makes sense.
     */
    private static int credentialsEnd(String rest, String setting) {
        int boundary = firstOf(rest, "/?");
        int usualAt = boundary == 0 ? -1 : rest.lastIndexOf('@', boundary - 1);
        if (rest.indexOf('@', boundary) < 0) {
            return usualAt;
        }
        // a password starts at the first ':'; only when that comes before the first '/' or '?' may it hold them raw
        int colon = rest.indexOf(':');
        boolean passwordMayHoldRawCharacters = colon >= 0 && colon < boundary;
        List<Integer> sensible = new ArrayList<>();
        if (makesSenseAfterCredentials(rest.substring(usualAt + 1))) {
            sensible.add(usualAt);
        }
        for (int at = rest.indexOf('@', boundary); at >= 0 && passwordMayHoldRawCharacters;
             at = rest.indexOf('@', at + 1)) {
            if (makesSenseAfterCredentials(rest.substring(at + 1))) {
                sensible.add(at);
            }
        }
        if (sensible.isEmpty() && !passwordMayHoldRawCharacters) {
            return usualAt;   // no password anywhere: libpq reads postgresql://host/my@db the same way
        }
        // a password that holds '?name=' may as well be a query, and its last pieces a parameter's value
        if (sensible.size() == 1 && !(sensible.get(0) > boundary
                && QUERY_INSIDE.matcher(rest.substring(0, sensible.get(0))).find())) {
            return sensible.get(0);
        }
        throw new ConfigurationException(setting + " cannot be read one way only: an '@' follows a '/' or '?', so "
                + "either the password holds them raw or the rest of the URL holds an '@'; " + ENCODE_THE_PASSWORD
                + " (and '@' elsewhere as %40)");
    }

    /**
     * Whether the text after an {@code @} reads as what follows credentials: well-formed hosts, a path without
     * {@code @}, and a query whose every {@code @} is in the value of a parameter we know ({@code user=bob@corp}).
     */
    private static boolean makesSenseAfterCredentials(String after) {
        int hostsEnd = firstOf(after, "/?");
        if (!HOSTS.matcher(after.substring(0, hostsEnd)).matches()) {
            return false;
        }
        int questionMark = after.indexOf('?');
        int queryStart = questionMark >= 0 ? questionMark : after.length();
        if (after.substring(hostsEnd, queryStart).indexOf('@') >= 0) {
            return false;
        }
        for (int at = after.indexOf('@', queryStart); at >= 0; at = after.indexOf('@', at + 1)) {
            String pair = after.substring(Math.max(after.lastIndexOf('?', at), after.lastIndexOf('&', at)) + 1, at);
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : decodeLeniently(pair.substring(0, equals));
            if (equals < 0 || (UrlParameter.named(name).isEmpty() && !UrlParameter.isSensitive(name))) {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String decodeLeniently(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
