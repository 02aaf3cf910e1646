package com.auditeng.db.fleet;

import com.auditeng.db.AuditengException;
import com.auditeng.db.ExitCode;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.LockTimeouts;
import com.auditeng.db.migrate.LockWait;
import com.auditeng.db.migrate.Migration;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.RunListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one {@link Migration} on every target of a fleet, each through a runner of its own exactly as on a single
 * database (its own advisory lock, checks and lock timeouts): the canary stage first, then the rest, at most
 * {@link RolloutPolicy#parallel()} at once, none started once the failure budget is spent.
 */
public final class Rollout {
    private final Revisions revisions;
    private final RevisionCompiler compiler;
    private final LockTimeouts locks;
    private final PrintWriter notes;
    private final PrintWriter warnings;

    /** {@code notes} takes progress (nowhere under --quiet), {@code warnings} the checks' warnings and refusals. */
    public Rollout(Revisions revisions, RevisionCompiler compiler, LockTimeouts locks, PrintWriter notes,
                   PrintWriter warnings) {
        this.revisions = revisions;
        this.compiler = compiler;
        this.locks = locks;
        this.notes = notes;
        this.warnings = warnings;
    }

    /** Runs {@code migration} on each target; a target already at the goal is reported so, not migrated again. */
    public RolloutReport migrate(Fleet fleet, RolloutPolicy policy, Migration migration) {
        return run(fleet, policy, (runner, visit) -> {
            visit.before = Optional.of(revision(runner.current()));
            return migration.run(runner, visit, visit.warnings).isEmpty() ? Outcome.ALREADY_AT_GOAL : Outcome.OK;
        });
    }

    /** Reads the revision of each target: before and after are the same. */
    public RolloutReport read(Fleet fleet, int parallel) {
        return run(fleet, RolloutPolicy.reading(parallel), (runner, visit) -> {
            visit.before = Optional.of(revision(runner.current()));
            return Outcome.OK;
        });
    }

    private interface Work {
        /** Does the work on one target, noting on {@code visit} what it learns; how the target ended. */
        Outcome on(MigrationRunner runner, Visit visit);
    }

    private RolloutReport run(Fleet fleet, RolloutPolicy policy, Work work) {
        RolloutProgress progress = new RolloutProgress(fleet.size(), notes);
        TargetResult[] results = new TargetResult[fleet.size()];
        int canary = Math.min(policy.canary(), fleet.size());
        List<FleetTarget> first = fleet.targets().subList(0, canary);
        List<FleetTarget> rest = fleet.targets().subList(canary, fleet.size());
        stage(first, policy, progress, results, work);
        Optional<TargetResult> failedCanary =
                Arrays.stream(results, 0, canary).filter(TargetResult::isFailed).findFirst();
        if (failedCanary.isPresent()) {
            String why = "not started: the canary " + failedCanary.get().target().label() + " failed";
            rest.forEach(target -> record(results, progress, TargetResult.skipped(target, why)));
        } else {
            stage(rest, policy, progress, results, work);
        }
        return new RolloutReport(Arrays.asList(results));
    }

    private void stage(List<FleetTarget> targets, RolloutPolicy policy, RolloutProgress progress,
                       TargetResult[] results, Work work) {
        if (targets.isEmpty()) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(policy.parallel(), targets.size()), task -> {
            Thread thread = new Thread(task, "fleet-" + threads.incrementAndGet());
            thread.setDaemon(true);   // an interrupted command must not wait for them; the server frees their locks
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (FleetTarget target : targets) {
                running.add(pool.submit(() -> record(results, progress, policy.isSpent(progress.failures())
                        ? TargetResult.skipped(target, "not started: " + progress.failures()
                        + " targets failed, the --max-failures budget")
                        : visit(target, work, progress))));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while targets were migrating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a target's thread ended abnormally: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void record(TargetResult[] results, RolloutProgress progress, TargetResult result) {
        results[result.target().position() - 1] = result;
        progress.finished(result);
    }

    private TargetResult visit(FleetTarget target, Work work, RolloutProgress progress) {
        progress.started(target);
        long start = System.nanoTime();
        DatabaseConnector connector = new DatabaseConnector(target.url());
        MigrationRunner runner =
                new MigrationRunner(connector, revisions, compiler, locks, TargetNotes.of(target, notes));
        Visit visit = new Visit(TargetNotes.of(target, warnings));
        try {
            Outcome outcome = work.on(runner, visit);
            Optional<String> after = visit.finished.get() > 0 ? Optional.of(revision(runner.current())) : visit.before;
            return new TargetResult(target, visit.before, after, since(start), outcome, visit.finished.get(),
                    Optional.empty(), ExitCode.OK);
        } catch (RuntimeException e) {
            Duration took = since(start);
            ExitCode code = e instanceof AuditengException ours ? ours.exitCode() : ExitCode.INTERNAL_ERROR;
            String message = firstLine(e.getMessage());
            String error = e instanceof AuditengException ? message
                    : "internal error (" + e.getClass().getName() + ": " + message + ")";
            Optional<String> after = visit.before.isPresent() ? readQuietly(runner) : Optional.empty();
            return new TargetResult(target, visit.before, after, took, Outcome.FAILED, visit.finished.get(),
                    Optional.of(connector.redact(error)), code);
        }
    }

    // the revision a failed target stopped at, when it can still be read; the failure is what the report is about
    private static Optional<String> readQuietly(MigrationRunner runner) {
        try {
            return Optional.of(revision(runner.current()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String revision(Optional<RevisionId> id) {
        return id.map(Object::toString).orElse("base");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }

    /**
     * One target's run as it goes: the revision it stood at, the revisions it finished, and its lock waits shown as
     * a single upgrade's progress shows them.
     */
    private static final class Visit implements RunListener {
        private final AtomicInteger finished = new AtomicInteger();
        private final PrintWriter warnings;
        private Optional<String> before = Optional.empty();

        Visit(PrintWriter warnings) {
            this.warnings = warnings;
        }

        @Override
        public void finished(RevisionFile file, Duration took) {
            finished.incrementAndGet();
        }

        @Override
        public void retrying(LockWait wait) {
            warnings.println("warning: " + wait.line());
        }
    }
}
