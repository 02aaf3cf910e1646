package com.auditeng.db;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Database URLs of many shapes, well-formed and not, each carrying a password made of {@code MARKER} and pieces of
 * letters that no message of ours contains: wherever any piece shows up in output, a secret leaked.
 *
 * <p>Seeded, so a failure is replayed with {@code -Dauditeng.fuzz.seed=N}; the seed is in every assertion message.
 */
public final class HostileUrls {
    public static final long SEED = Long.getLong("auditeng.fuzz.seed", System.nanoTime());
    public static final int CASES = Integer.getInteger("auditeng.fuzz.cases", 2000);

    // letters absent from every word we print, so a piece of a password can only come from the password
    private static final String PIECE_LETTERS = "QXZJKW";
    private static final String AUTHORITY_SPECIALS = "/?#:@&=%+ ![],";
    private static final String QUERY_SPECIALS = "/?#:@=%+ ";
    private static final List<String> SCHEMES = List.of("postgresql", "postgres", "postgresql+asyncpg",
            "postgresql+psycopg", "postgresql+psycopg2", "postgres+asyncpg", "jdbc:postgresql", "POSTGRESQL",
            "postgresql", "postgresql", "postgresql", "mysql", "jdbc:mysql", "");
    private static final List<String> SEPARATORS = List.of("://", "://", "://", "://", "://", "://", "://", "://",
            "://", "://", "://", ":/", "//", "");
    private static final List<String> USERS = List.of("app", "app", "bob@corp", "", "a%40b", "svc_user");
    private static final List<String> HOSTS = List.of("db.internal", "db.internal", "localhost", "127.0.0.1",
            "[::1]", "[2001:db8::1]", "", "h1:5432,h2:5433", "%2Fvar%2Frun%2Fpostgresql", "db_!x", "[::1");
    private static final List<String> PORTS = List.of("", "", "", ":5432", ":6543", ":0", ":99999", ":notaport", ":");
    private static final List<String> PATHS = List.of("", "/auditeng", "/auditeng", "/", "/my%20db", "/a@b",
            "/x/y", "/%zz");
    private static final List<String> PARAMS = List.of("sslmode=require", "connect_timeout=5", "application_name=x",
            "target_session_attrs=read-write", "target_session_attrs=bogus", "host=/var/run/postgresql",
            "ssl=true", "sslkey=/k.pem", "user=bob@corp", "unknown=1", "=x", "", "%zz=1", "port=6543",
            "dbname=other", "currentSchema=s");
    private static final List<String> PASSWORD_PARAMS = List.of("password", "sslpassword", "Password",
            "sslPassword");

    private final Random random;

    public HostileUrls() {
        this.random = new Random(SEED);
    }

    /** One URL with its password's pieces; the host and port are left to chance. */
    public HostileUrl next() {
        return next(pick(HOSTS), pick(PORTS));
    }

    /** One URL on the given host and port (for instance a closed port, so that connecting fails fast). */
    public HostileUrl next(String host, String port) {
        List<String> pieces = new ArrayList<>(List.of("MARKER"));
        boolean inQuery = random.nextInt(3) == 0;
        StringBuilder password = new StringBuilder("MARKER");
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String piece = piece();
            pieces.add(piece);
            if (random.nextBoolean()) {
                String specials = inQuery ? QUERY_SPECIALS : AUTHORITY_SPECIALS;
                password.append(specials.charAt(random.nextInt(specials.length())));
            }
            password.append(piece);
        }
        String secret = password.toString();
        boolean encoded = random.nextInt(4) == 0;
        String written = encoded ? URLEncoder.encode(secret, StandardCharsets.UTF_8) : secret;

        StringBuilder url = new StringBuilder(pick(SCHEMES)).append(pick(SEPARATORS));
        String user = pick(USERS);
        if (!inQuery) {
            url.append(user).append(':').append(written).append('@');
        } else if (random.nextBoolean()) {
            url.append(user).append('@');
        }
        url.append(host).append(port).append(pick(PATHS));
        List<String> params = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            params.add(pick(PARAMS));
        }
        if (inQuery) {
            params.add(random.nextInt(params.size() + 1), pick(PASSWORD_PARAMS) + "=" + written);
        }
        if (!params.isEmpty() || random.nextInt(8) == 0) {
            url.append('?').append(String.join("&", params));
        }
        if (random.nextInt(10) == 0) {
            url.append("#fragment");
        }
        String text = random.nextInt(10) == 0 ? "  " + url + " " : url.toString();
        return new HostileUrl(text, secret, pieces);
    }

    /** The environment libpq would read, sometimes with the password in PGPASSWORD. */
    public Map<String, String> environment(String password) {
        return switch (random.nextInt(4)) {
            case 0 -> Map.of("PGPASSWORD", password);
            case 1 -> Map.of("PGHOST", "db.internal", "PGUSER", "app", "PGSSLMODE", "prefer");
            default -> Map.of();
        };
    }

    private String piece() {
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            piece.append(PIECE_LETTERS.charAt(random.nextInt(PIECE_LETTERS.length())));
        }
        return piece.toString();
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A URL, the password it carries, and the pieces of that password none of which may be printed. */
    public record HostileUrl(String text, String password, List<String> pieces) {
        /** The first piece of the password found in {@code output}, or null when there is none. */
        public String leakIn(String output) {
            if (output == null) {
                return null;
            }
            return pieces.stream().filter(output::contains).findFirst().orElse(null);
        }

        public String describe(String where) {
            return "seed " + SEED + " (-Dauditeng.fuzz.seed=" + SEED + "): the password of " + text + " leaked in "
                    + where;
        }
    }
}
