package com.auditeng.db.migrate;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Hears each revision of an upgrade or downgrade start and finish, for progress and results. */
public interface RunListener {
    default void started(RevisionFile file) {
    }

    void finished(RevisionFile file, Duration took);

    /** A backfill revision committed a batch; {@code rowsDone} counts every row it filled so far. */
    default void backfilled(RevisionFile file, long rowsDone) {
    }

    /** A revision's attempt gave up waiting for a table lock; it is rolled back and will be retried. */
    default void retrying(LockWait wait) {
    }

    /**
     * The run ended with the database at {@code current} (empty: at base), read on the run's own connection, so that
     * a caller that reports where the database stands needs no connection of its own.
     */
    default void ended(Optional<RevisionId> current) {
    }

    /** Tells {@code first}, then {@code second}, of everything. */
    static RunListener both(RunListener first, RunListener second) {
        return new RunListener() {
            @Override
            public void started(RevisionFile file) {
                first.started(file);
                second.started(file);
            }

            @Override
            public void finished(RevisionFile file, Duration took) {
                first.finished(file, took);
                second.finished(file, took);
            }

            @Override
            public void retrying(LockWait wait) {
                first.retrying(wait);
                second.retrying(wait);
            }

            @Override
            public void backfilled(RevisionFile file, long rowsDone) {
                first.backfilled(file, rowsDone);
                second.backfilled(file, rowsDone);
            }

            @Override
            public void ended(Optional<RevisionId> current) {
                first.ended(current);
                second.ended(current);
            }
        };
    }

    /** A listener told only of finished revisions. */
    static RunListener onFinished(Consumer<RevisionFile> finished) {
        return (file, took) -> finished.accept(file);
    }
}
