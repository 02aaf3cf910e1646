package com.auditeng.db.startup;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.LockWait;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.RunListener;
import com.auditeng.db.migrate.Target;
import com.auditeng.db.safety.UpgradeGuard;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Brings a database to head when an asynchronous application starts, exactly as {@code db upgrade} would: the same
 * runner, migration lock, checksums, lint gate, data-loss guard and DDL lock timeouts, with the same refusals as
 * exceptions. It runs on a thread of its own because JDBC blocks and an event loop must not.
 *
 * <p>The returned stage completes on that thread; a Vert.x application continues on its own context from there.
 */
public final class StartupMigration {
    private static final Duration CONNECT_RETRY_PAUSE = Duration.ofSeconds(1);

    private final DatabaseUrl url;
    private final Revisions revisions;
    private final StartupOptions options;
    private final PrintWriter notes;

    public StartupMigration(DatabaseUrl url, Revisions revisions, StartupOptions options, PrintWriter notes) {
        this.url = url;
        this.revisions = revisions;
        this.options = options;
        this.notes = notes;
    }

    /** The revisions packaged in the jar, the command line's defaults, and notes (such as lock waits) on stderr. */
    public static StartupMigration bundled(DatabaseUrl url) {
        return bundled(url, StartupOptions.defaults());
    }

    public static StartupMigration bundled(DatabaseUrl url, StartupOptions options) {
        return new StartupMigration(url, Revisions.bundled(), options, new PrintWriter(System.err, true));
    }

    /**
     * Applies (or, in validate mode, checks for) the revisions above the current one, on a thread started for the
     * purpose, which ends with the work. Completes with the revisions applied (none at head, in validate mode or
     * when off), or fails with our exception: {@code ProblemFoundException} when a check refuses (data loss, an
     * edited revision, validate finding the database behind), {@code ConfigurationException} when the database
     * cannot be reached or used, {@code MigrationFailedException} when a revision failed and was rolled back.
     */
    public CompletionStage<List<RevisionFile>> toHead() {
        ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
            Thread migration = new Thread(work, "auditeng-migration");
            // a migration stuck on a lock must not keep a stopping application alive
            migration.setDaemon(true);
            return migration;
        });
        CompletionStage<List<RevisionFile>> applied = toHead(thread);
        applied.whenComplete((files, failure) -> thread.shutdown());
        return applied;
    }

    /** Like {@link #toHead()}, on an executor of the caller's: one whose threads may block, never an event loop. */
    public CompletionStage<List<RevisionFile>> toHead(Executor executor) {
        CompletableFuture<List<RevisionFile>> applied = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                applied.complete(run());
            } catch (RuntimeException e) {
                applied.completeExceptionally(e);
            }
        });
        return applied;
    }

    private List<RevisionFile> run() {
        if (options.mode() == StartupOptions.Mode.OFF) {
            return List.of();
        }
        MigrationRunner runner = new MigrationRunner(new DatabaseConnector(url), revisions, new RevisionCompiler(),
                options.locks(), notes);
        if (options.mode() == StartupOptions.Mode.VALIDATE) {
            validate(withConnectRetries(runner::current));
            return List.of();
        }
        RunListener listener = new RunListener() {
            @Override
            public void finished(RevisionFile file, Duration took) {
                notes.println("note: applied " + file.id() + " " + file.message() + " in " + took.toMillis() + " ms");
            }

            @Override
            public void retrying(LockWait wait) {
                notes.println("warning: " + wait.line());
            }
        };
        UpgradeGuard guard = new UpgradeGuard(options.allowDataLoss(), "StartupOptions.allowingDataLoss()", notes);
        return withConnectRetries(() -> runner.upgrade(Target.parse("head"), listener, guard, options.phase()));
    }

    /** At head, or ahead with expand revisions only (the runner refuses a newer contract revision before this). */
    private void validate(Optional<RevisionId> current) {
        Optional<RevisionFile> head = revisions.head();
        if (head.isEmpty() || current.isPresent() && current.get().compareTo(head.get().id()) >= 0) {
            return;
        }
        String at = current.map(id -> "at " + id).orElse("empty (no revision applied)");
        throw new ProblemFoundException("the database is " + at + ", behind the bundled head " + head.get().id()
                + "; run 'auditeng db upgrade' before starting, or start in migrate mode");
    }

    /** Retries while the server refuses connections or is starting up, until the connect deadline. */
    private <T> T withConnectRetries(Supplier<T> work) {
        long deadline = System.nanoTime() + options.connectDeadline().toNanos();
        while (true) {
            try {
                return work.get();
            } catch (ConfigurationException e) {
                if (!isUnreachable(e) || System.nanoTime() + CONNECT_RETRY_PAUSE.toNanos() > deadline) {
                    throw e;
                }
                notes.println("note: " + e.getMessage() + "; retrying");
                pause();
            }
        }
    }

    // 08: connection exceptions (refused, reset); 57P03: the server is starting up or shutting down
    private static boolean isUnreachable(ConfigurationException e) {
        return e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P03"));
    }

    private static void pause() {
        try {
            Thread.sleep(CONNECT_RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while waiting for PostgreSQL to accept connections");
        }
    }
}
