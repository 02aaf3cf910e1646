package com.auditeng.db.migrate;

import java.time.Duration;
import java.util.List;

/**
 * One attempt of a revision that gave up waiting for a table lock and will be retried.
 *
 * @param file      the revision
 * @param attempt   which attempt failed, from 1
 * @param statement the number of the statement that waited, from 1
 * @param sql       that statement
 * @param blockers  the sessions it waited for, as last seen; empty when they were not seen in time
 * @param retryIn   the back-off before the next attempt
 */
public record LockWait(RevisionFile file, int attempt, int statement, String sql, List<Blocker> blockers,
                       Duration retryIn) {
    public LockWait {
        blockers = List.copyOf(blockers);
    }

    /** {@code 0002 statement 1 (ALTER TABLE findings …) gave up after the lock timeout, blocked by pid 4242 (…); retry 1 in 0.7 s}. */
    public String line() {
        return file.id() + " statement " + statement + " (" + StatementText.abbreviate(sql, 60) + ") waited for a lock, "
                + Blocker.describeAll(blockers) + "; attempt " + (attempt + 1) + " in "
                + String.format("%.1f s", retryIn.toMillis() / 1000.0);
    }
}
