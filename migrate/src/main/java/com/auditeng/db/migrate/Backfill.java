package com.auditeng.db.migrate;

import java.time.Duration;
import java.util.Optional;

/**
 * A data change too large for one transaction: an {@code update} over a table, run in keyset batches by primary key,
 * each batch a short transaction of its own, so that it neither holds row locks on the whole table nor loses its
 * work when interrupted.
 *
 * <p>A revision declares one as a change set with {@code runInTransaction: false} whose only change is an
 * {@code update}; its {@code comment} may set {@code batch=N} (rows a transaction, default 1000) and
 * {@code pause=DURATION} (between batches, default none), e.g. {@code comment: backfill batch=5000 pause=50ms}.
 *
 * @param table       the table to fill
 * @param assignments the SET list, as SQL
 * @param where       the rows to fill, as SQL; empty for all
 * @param batchSize   rows per transaction
 * @param pause       the pause between two batches, which leaves room for the application's own writes
 */
public record Backfill(String table, String assignments, Optional<String> where, int batchSize, Duration pause) {
    /** Rows a batch's transaction holds: few enough that its row locks pass unnoticed by the application. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** Where a backfill keeps its place between batches; the migrations' own table, like the tracking table. */
    public static final String PROGRESS_TABLE = "auditeng_backfill";

    public Backfill {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a backfill batch holds at least one row");
        }
    }
}
