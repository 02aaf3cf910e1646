package com.auditeng.db.migrate;

import com.auditeng.db.MigrationFailedException;
import com.auditeng.db.config.LockTimeouts;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Runs an attempt again while it fails on a lock timeout: after an exponential back-off with jitter, until the
 * retry deadline. The back-off lets the blocking transaction finish and the queue behind it drain; the jitter keeps
 * several migrators (a fleet, or instances starting at once) from coming back in step.
 */
final class LockRetry {
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    /** One try of a revision, or of one statement of a revision that runs outside a transaction. */
    interface Attempt {
        void run() throws StatementFailure;
    }

    private final LockTimeouts timeouts;
    private final BlockerWatch watch;
    private final Consumer<LockWait> waits;
    private final Consumer<String> notes;

    LockRetry(LockTimeouts timeouts, BlockerWatch watch, Consumer<LockWait> waits, Consumer<String> notes) {
        this.timeouts = timeouts;
        this.watch = watch;
        this.waits = waits;
        this.notes = notes;
    }

    /** Runs {@code attempt} until it succeeds, fails otherwise than on a lock timeout, or the deadline passes. */
    void run(RevisionFile file, Attempt attempt) throws StatementFailure {
        long deadline = System.nanoTime() + timeouts.retryDeadline().toNanos();
        for (int number = 1; ; number++) {
            watch.start();
            try {
                attempt.run();
                watch.stop();
                return;
            } catch (StatementFailure failure) {
                List<Blocker> blockers = watch.stop();
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (!failure.isLockTimeout() || timeouts.isDdlUnbounded() || left.isNegative() || left.isZero()) {
                    throw failure.afterAttempts(number, blockers);
                }
                Duration backoff = backoff(number);
                if (backoff.compareTo(left) > 0) {
                    backoff = left;
                }
                waits.accept(new LockWait(file, number, failure.number(), failure.sql(), blockers, backoff));
                if (timeouts.terminateIdleBlockersAfter() > 0 && number >= timeouts.terminateIdleBlockersAfter()) {
                    for (Blocker ended : watch.terminateIdle(blockers)) {
                        notes.accept("note: ended " + ended.describe() + ", which blocked " + file.id() + " for "
                                + number + " attempts (--cancel-blockers-after " + timeouts.terminateIdleBlockersAfter() + ")");
                    }
                }
                sleep(backoff);
            }
        }
    }

    /** Equal jitter: half the exponential step, plus a random part of the other half. */
    static Duration backoff(int failedAttempts) {
        long step = FIRST_BACKOFF.toMillis() << Math.min(failedAttempts - 1, 16);
        long capped = Math.min(step, LONGEST_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationFailedException("interrupted while waiting to retry a revision; nothing more was applied");
        }
    }
}
