package com.auditeng.db.cli;

import com.auditeng.db.UsageException;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.config.LockTimeouts;
import com.auditeng.db.config.Settings;
import com.auditeng.db.schema.ScratchServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The root command. Every setting is declared here once, with its flag and its default; {@link EnvironmentDefaults}
 * gives picocli each flag's environment variable, so a flag left off arrives here already holding its variable's value.
 */
@Command(name = "auditeng", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "AuditEng DB: the AuditEng schema, its migrations and the tools to run them on PostgreSQL.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:a check, lint, verify or the data-loss guard found a problem",
                "2:usage: unknown command or flag, bad target, unknown revision",
                "3:configuration or connection: bad or unreachable DATABASE_URL, missing migrations folder",
                "4:a migration failed and was rolled back",
                "70:internal error (rerun with --verbose for the trace)"},
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  DATABASE_URL         the database, e.g. postgresql://user:password@host:5432/auditeng;",
                "                       unset: an embedded PostgreSQL kept under AUDITENG_HOME",
                "  AUDITENG_HOME        where the embedded database lives (default: ./.auditeng)",
                "  AUDITENG_EMBEDDED_IDLE      as --embedded-idle",
                "  AUDITENG_MIGRATIONS  the folder of NNNN_slug.yaml revisions (default: the packaged ones)",
                "  AUDITENG_SCRATCH_URL as --scratch-url",
                "  AUDITENG_DDL_LOCK_TIMEOUT   as --ddl-lock-timeout",
                "  AUDITENG_DDL_RETRY_DEADLINE as --ddl-retry-deadline",
                "  PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE",
                "                       fill what DATABASE_URL leaves out, as for psql"})
final class AuditengCommand implements Runnable {
    // long enough to cover an edit-and-rerun loop, short enough that a server nobody uses soon goes away
    private static final Duration DEFAULT_EMBEDDED_IDLE = Duration.ofMinutes(5);

    private final Workspace workspace;

    @Spec
    private CommandSpec spec;

    @Option(names = "--database-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "PostgreSQL to work on (default: $DATABASE_URL, else the embedded database). "
                    + "Forms: postgresql://, postgres://, postgresql+asyncpg://, postgresql+psycopg://, jdbc:postgresql://")
    private String databaseUrl;

    @Option(names = "--migrations", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder of NNNN_slug.yaml revisions (default: $AUDITENG_MIGRATIONS, else the packaged revisions).")
    private Path migrations;

    @Option(names = "--embedded-idle", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How long the embedded PostgreSQL keeps running after a command, for the next one to use: "
                    + "5min (default), 30s; a bare number is seconds; 0 stops it after each command. "
                    + "'db stop' stops it at once.")
    private String embeddedIdle;

    @Option(names = "--scratch-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "PostgreSQL server on which check, verify, revision --autogenerate and diagram create and "
                    + "drop their scratch databases, such as a CI service (default: $AUDITENG_SCRATCH_URL, else the "
                    + "embedded one); its user must be allowed to create databases. Never DATABASE_URL's database.")
    private String scratchUrl;

    @Option(names = "--lock-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            description = "How long a writer waits for another migration's lock before giving up (default: 300).")
    private Long lockTimeoutSeconds;

    @Option(names = "--ddl-lock-timeout", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How long one statement of a revision may wait for a table lock (PostgreSQL's lock_timeout) "
                    + "before the revision is rolled back and retried, so that traffic never queues behind it longer: "
                    + "500ms (default), 2s; a bare number is milliseconds; 0 waits without bound.")
    private String ddlLockTimeout;

    @Option(names = "--ddl-retry-deadline", scope = ScopeType.INHERIT, paramLabel = "DURATION",
            description = "How long a revision keeps retrying after lock timeouts, with back-off, before it fails "
                    + "with nothing of it applied: 3min (default), 90s; a bare number is seconds.")
    private String ddlRetryDeadline;

    @Option(names = "--cancel-blockers-after", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "After N attempts, end (pg_terminate_backend) the sessions that still block the revision "
                    + "while idle in a transaction. Off by default.")
    private Integer cancelBlockersAfter;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Leave out notes and progress on stderr; errors and warnings still show.")
    private boolean quiet;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print library logs and the stack trace of an error (never a password).")
    private boolean verbose;

    AuditengCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public void run() {
        throw new UsageException("no command given; try 'auditeng db current', or 'auditeng --help'");
    }

    /** Whether --verbose was given, before or after the subcommand. */
    boolean isVerbose() {
        return verbose;
    }

    /** Settings from flags, then environment, then defaults; configures the workspace once. */
    Workspace workspace() {
        if (workspace.settings() == null) {
            workspace.configure(settings(), spec.commandLine().getErr());
        }
        return workspace;
    }

    private Settings settings() {
        Optional<DatabaseUrl> url = Optional.ofNullable(databaseUrl)
                .map(text -> DatabaseUrl.parse(text, EnvironmentDefaults.libpq()));
        Optional<Path> folder = Optional.ofNullable(migrations);
        Path home = EnvironmentDefaults.variable("AUDITENG_HOME").map(Path::of).orElse(Path.of(".auditeng"))
                .toAbsolutePath().normalize();
        Duration idle = Optional.ofNullable(embeddedIdle)
                .map(text -> DurationText.parse(text, ChronoUnit.SECONDS, "--embedded-idle"))
                .orElse(DEFAULT_EMBEDDED_IDLE);
        Optional<DatabaseUrl> scratchServer = Optional.ofNullable(scratchUrl)
                .map(text -> DatabaseUrl.parse(text, EnvironmentDefaults.libpq(), ScratchServer.SETTING));
        if (lockTimeoutSeconds != null && lockTimeoutSeconds < 0) {
            throw new UsageException("--lock-timeout must be 0 or more seconds");
        }
        if (cancelBlockersAfter != null && cancelBlockersAfter < 1) {
            throw new UsageException("--cancel-blockers-after must be 1 or more attempts");
        }
        LockTimeouts locks = LockTimeouts.defaults();
        if (lockTimeoutSeconds != null) {
            locks = locks.withMigrationLock(Duration.ofSeconds(lockTimeoutSeconds));
        }
        if (ddlLockTimeout != null) {
            locks = locks.withDdl(DurationText.parse(ddlLockTimeout, ChronoUnit.MILLIS, "--ddl-lock-timeout"));
        }
        if (ddlRetryDeadline != null) {
            locks = locks.withRetryDeadline(DurationText.parse(ddlRetryDeadline, ChronoUnit.SECONDS,
                    "--ddl-retry-deadline"));
        }
        if (cancelBlockersAfter != null) {
            locks = locks.withTerminateIdleBlockersAfter(cancelBlockersAfter);
        }
        return new Settings(url, folder, home, idle, scratchServer, locks, quiet,
                Terminal.isTerminal(Terminal.STDERR));
    }
}
