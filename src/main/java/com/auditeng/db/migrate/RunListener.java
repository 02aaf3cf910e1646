package com.auditeng.db.migrate;

import java.time.Duration;
import java.util.function.Consumer;

/** Hears each revision of an upgrade or downgrade start and finish, for progress and results. */
public interface RunListener {
    default void started(RevisionFile file) {
    }

    void finished(RevisionFile file, Duration took);

    /** A revision's attempt gave up waiting for a table lock; it is rolled back and will be retried. */
    default void retrying(LockWait wait) {
    }

    /** A listener told only of finished revisions. */
    static RunListener onFinished(Consumer<RevisionFile> finished) {
        return (file, took) -> finished.accept(file);
    }
}
