package com.auditeng.db.migrate;

import java.time.Duration;
import java.util.function.Consumer;

/** Hears each revision of an upgrade or downgrade start and finish, for progress and results. */
public interface RunListener {
    default void started(RevisionFile file) {
    }

    void finished(RevisionFile file, Duration took);

    /** A listener told only of finished revisions. */
    static RunListener onFinished(Consumer<RevisionFile> finished) {
        return (file, took) -> finished.accept(file);
    }
}
