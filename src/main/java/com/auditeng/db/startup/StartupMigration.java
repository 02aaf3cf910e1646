package com.auditeng.db.startup;

import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.config.Settings;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Brings a database to head when an asynchronous application starts: the CLI's {@link MigrationRunner}, with the
 * same advisory lock and checks, run on a thread of its own because JDBC blocks and an event loop must not.
 *
 * <p>The returned stage completes on that thread; a Vert.x application continues on its own context from there.
 */
public final class StartupMigration {
    private final DatabaseUrl url;
    private final Revisions revisions;
    private final Duration lockTimeout;
    private final PrintWriter notes;

    public StartupMigration(DatabaseUrl url, Revisions revisions, Duration lockTimeout, PrintWriter notes) {
        this.url = url;
        this.revisions = revisions;
        this.lockTimeout = lockTimeout;
        this.notes = notes;
    }

    /** The revisions packaged in the jar, the CLI's default lock timeout, and notes (such as lock waits) on stderr. */
    public static StartupMigration bundled(DatabaseUrl url) {
        return new StartupMigration(url, Revisions.bundled(), Settings.DEFAULT_LOCK_TIMEOUT,
                new PrintWriter(System.err, true));
    }

    /**
     * Applies the revisions above the current one on a thread started for the purpose, which ends with the work.
     * Completes with the revisions applied (none when the database is at head already), or fails with the runner's
     * exception: {@code ConfigurationException} or {@code MigrationFailedException}.
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
                MigrationRunner runner = new MigrationRunner(new DatabaseConnector(url), revisions,
                        new RevisionCompiler(), lockTimeout, notes);
                applied.complete(runner.upgrade(Target.parse("head"), file -> { }));
            } catch (RuntimeException e) {
                applied.completeExceptionally(e);
            }
        });
        return applied;
    }
}
