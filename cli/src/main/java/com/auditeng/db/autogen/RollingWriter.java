package com.auditeng.db.autogen;

import com.auditeng.db.migrate.Phase;
import com.auditeng.db.migrate.Revisions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link RollingPlan} as the revisions of a rolling deploy, in the order they must run: the expand revision,
 * a backfill revision a column, the checks that wait for the backfills, the indexes built concurrently, the contract
 * revision. Each file comes with one line saying its phase and why it is one of its own.
 */
public final class RollingWriter {
    /** A revision written, and why it is what it is. */
    public record Written(Path file, String why) {
    }

    private final Path folder;

    public RollingWriter(Path folder) {
        this.folder = folder;
    }

    public List<Written> write(String message, RollingPlan plan) {
        List<Written> written = new ArrayList<>();
        if (!plan.expand().isEmpty()) {
            boolean syncs = plan.expand().changes().stream().anyMatch(change -> change instanceof Change.SyncTrigger);
            written.add(new Written(next().write(message, plan.expand(), Phase.EXPAND), "expand: adds what the new "
                    + "version uses; the previous version runs on beside it"
                    + (syncs ? ", and a trigger copies each write between a column and its successor" : "")));
        }
        for (ColumnFill fill : plan.fills()) {
            String name = message + " backfill" + (plan.fills().size() > 1 ? " " + fill.column() : "");
            written.add(new Written(next().writeBackfill(name, fill),
                    "expand (backfill): " + fill.why() + ", in batches outside a transaction"));
        }
        if (!plan.afterFills().isEmpty()) {
            written.add(new Written(next().write(message + " checks", plan.afterFills(), Phase.EXPAND),
                    "expand: NOT NULL checks, NOT VALID, once the backfill filled every row"));
        }
        if (!plan.concurrentIndexes().isEmpty()) {
            written.add(new Written(next().writeConcurrentIndexes(message + (written.isEmpty() ? "" : " indexes"),
                    plan.concurrentIndexes()), "expand: indexes on existing tables built CONCURRENTLY, so that "
                    + "writes are not blocked"));
        }
        if (!plan.contract().isEmpty()) {
            written.add(new Written(next().write(message + (written.isEmpty() ? "" : " contract"), plan.contract(),
                    Phase.CONTRACT), "contract: drops, validates and tightens what the previous version still "
                    + "uses; 'db upgrade' once no instance of it runs"));
        }
        return written;
    }

    /** The writer of the revision after those written so far. */
    private RevisionWriter next() {
        return new RevisionWriter(folder, Revisions.load(folder));
    }
}
