package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The database an application works on, as the command line chooses it: {@code DATABASE_URL} when it is set (a
 * blank one counts as unset), with libpq's variables ({@code PGPASSWORD} and the others) filling what it leaves out;
 * otherwise (for development) the embedded PostgreSQL kept in {@code AUDITENG_HOME} ({@code .auditeng/} by default),
 * when {@code auditeng-db-embedded} is on the class path. Closing it stops an embedded server it started.
 *
 * <pre>{@code
 * try (ApplicationDatabase database = ApplicationDatabase.fromEnvironment()) {
 *     StartupMigration.bundled(database.url()).toHead().toCompletableFuture().join();
 *     ...
 * }
 * }</pre>
 */
public final class ApplicationDatabase implements AutoCloseable {
    private static final Path DEFAULT_HOME = Path.of(".auditeng");

    private final DatabaseUrl url;
    private final Optional<DevelopmentServer> server;

    private ApplicationDatabase(DatabaseUrl url, Optional<DevelopmentServer> server) {
        this.url = url;
        this.server = server;
    }

    /**
     * From {@code DATABASE_URL}, libpq's variables and {@code AUDITENG_HOME}: the one place the runtime modules read
     * the environment.
     */
    public static ApplicationDatabase fromEnvironment() {
        return fromEnvironment(System.getenv(), System.err);
    }

    /** As {@link #fromEnvironment()}, from the variables in {@code environment}. */
    static ApplicationDatabase fromEnvironment(Map<String, String> environment, PrintStream notes) {
        String url = environment.get("DATABASE_URL");
        String home = environment.get("AUDITENG_HOME");
        return of(url == null || url.isBlank() ? null : url, environment,
                home == null || home.isBlank() ? DEFAULT_HOME : Path.of(home), notes);
    }

    /**
     * A URL given as it is, nothing taken from the environment; null means the embedded server in {@code home}. An
     * empty string is refused, as the command line refuses an empty {@code --database-url}: given on purpose, it is
     * more often a mistake than a choice.
     */
    public static ApplicationDatabase of(String databaseUrl, Path home, PrintStream notes) {
        return of(databaseUrl, Map.of(), home, notes);
    }

    // the parser takes only libpq's variables from the environment, a blank one as unset
    private static ApplicationDatabase of(String databaseUrl, Map<String, String> environment, Path home,
                                          PrintStream notes) {
        if (databaseUrl != null) {
            return new ApplicationDatabase(DatabaseUrl.parse(databaseUrl, environment), Optional.empty());
        }
        DevelopmentServer.Starter starter = ServiceLoader.load(DevelopmentServer.Starter.class).findFirst()
                .orElseThrow(() -> new ConfigurationException("DATABASE_URL is not set and no embedded PostgreSQL "
                        + "is on the class path; set DATABASE_URL, or add the dependency "
                        + "com.auditeng:auditeng-db-embedded for development"));
        notes.println("note: no DATABASE_URL given; using the embedded PostgreSQL in " + home);
        DevelopmentServer server = starter.start(home);
        return new ApplicationDatabase(server.url(), Optional.of(server));
    }

    public DatabaseUrl url() {
        return url;
    }

    public boolean isEmbedded() {
        return server.isPresent();
    }

    @Override
    public void close() {
        server.ifPresent(DevelopmentServer::close);
    }

    @Override
    public String toString() {
        return url.redacted();
    }
}
