package com.auditeng.db.config;

import java.time.Duration;

/**
 * How long a migration may wait for locks, and what it does about waiting.
 *
 * <p>Two different locks: the migration lock that serialises deployers (a wait there hurts nobody but the waiting
 * deployer), and the table locks a revision's statements take. A statement waiting for a table lock queues every
 * later reader and writer of that table behind it, so that wait is cut short ({@code ddl}, PostgreSQL's
 * {@code lock_timeout}) and the revision retried after a back-off until {@code retryDeadline}.
 *
 * @param migrationLock           how long a writer waits for another migration to finish
 * @param ddl                     how long one statement of a revision waits for a table lock before it is retried
 * @param retryDeadline           how long a revision keeps retrying after lock timeouts before it fails
 * @param terminateIdleBlockersAfter after this many failed attempts, end the sessions that block the revision while
 *                                idle in a transaction; 0 never does
 */
public record LockTimeouts(Duration migrationLock, Duration ddl, Duration retryDeadline, int terminateIdleBlockersAfter) {
    public static final Duration DEFAULT_MIGRATION_LOCK = Duration.ofMinutes(5);
    // pgroll's default; GitLab's with_lock_retries starts at 100 ms. Long enough for a lock free in a busy moment,
    // short enough that the writers queued behind the waiting statement barely notice.
    public static final Duration DEFAULT_DDL = Duration.ofMillis(500);
    public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofMinutes(3);

    public LockTimeouts {
        if (migrationLock.isNegative() || ddl.isNegative() || retryDeadline.isNegative()) {
            throw new IllegalArgumentException("lock timeouts must not be negative");
        }
        if (terminateIdleBlockersAfter < 0) {
            throw new IllegalArgumentException("the number of attempts before ending blockers must not be negative");
        }
    }

    public static LockTimeouts defaults() {
        return new LockTimeouts(DEFAULT_MIGRATION_LOCK, DEFAULT_DDL, DEFAULT_RETRY_DEADLINE, 0);
    }

    public LockTimeouts withMigrationLock(Duration wait) {
        return new LockTimeouts(wait, ddl, retryDeadline, terminateIdleBlockersAfter);
    }

    public LockTimeouts withDdl(Duration timeout) {
        return new LockTimeouts(migrationLock, timeout, retryDeadline, terminateIdleBlockersAfter);
    }

    public LockTimeouts withRetryDeadline(Duration deadline) {
        return new LockTimeouts(migrationLock, ddl, deadline, terminateIdleBlockersAfter);
    }

    public LockTimeouts withTerminateIdleBlockersAfter(int attempts) {
        return new LockTimeouts(migrationLock, ddl, retryDeadline, attempts);
    }

    /** Whether statements wait for table locks without a bound (PostgreSQL's {@code lock_timeout = 0}). */
    public boolean isDdlUnbounded() {
        return ddl.isZero();
    }
}
