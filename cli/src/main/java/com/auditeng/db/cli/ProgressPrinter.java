package com.auditeng.db.cli;

import com.auditeng.db.migrate.LockWait;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RunListener;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows an upgrade or downgrade as it goes: each revision's start and duration on stderr, its result line on
 * stdout, and on a terminal a live line for a revision that runs longer than two seconds.
 */
final class ProgressPrinter implements RunListener, AutoCloseable {
    private static final Duration LIVE_AFTER = Duration.ofSeconds(2);

    private final String verb;
    private final PrintWriter out;
    private final PrintWriter notes;
    private final PrintWriter warnings;
    private final ScheduledExecutorService ticker;
    private ScheduledFuture<?> live;
    private long lastBackfillNote = System.nanoTime();

    ProgressPrinter(String verb, PrintWriter out, PrintWriter notes, PrintWriter warnings, boolean terminal) {
        this.verb = verb;
        this.out = out;
        this.notes = notes;
        this.warnings = warnings;
        this.ticker = terminal ? Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "progress");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    @Override
    public void started(RevisionFile file) {
        notes.println(verb + " " + file.id() + " " + file.message() + " ...");
        if (ticker != null) {
            long start = System.nanoTime();
            live = ticker.scheduleAtFixedRate(() -> {
                notes.print("\r  " + file.id() + " " + file.message() + ": running for "
                        + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + " s");
                notes.flush();
            }, LIVE_AFTER.toMillis(), 1000, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void finished(RevisionFile file, Duration took) {
        if (live != null) {
            live.cancel(false);
            notes.print("\r\033[K");   // erase the live line
        }
        out.println(file.id() + "  " + file.message());
        notes.println("  " + file.id() + " done in " + format(took));
    }

    /** A backfill's progress, at most once a second: a batch may take milliseconds. */
    @Override
    public void backfilled(RevisionFile file, long rowsDone) {
        long now = System.nanoTime();
        if (now - lastBackfillNote >= TimeUnit.SECONDS.toNanos(1)) {
            lastBackfillNote = now;
            notes.println("  " + file.id() + " backfilled " + rowsDone + " rows so far");
        }
    }

    /** A lock wait is a warning, not progress: it shows under --quiet too, as the operator may want to act on it. */
    @Override
    public void retrying(LockWait wait) {
        warnings.println("warning: " + wait.line());
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    static String format(Duration took) {
        long millis = took.toMillis();
        return millis < 1000 ? millis + " ms" : String.format("%.1f s", millis / 1000.0);
    }
}
