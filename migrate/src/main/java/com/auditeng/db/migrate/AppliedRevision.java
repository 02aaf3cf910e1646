package com.auditeng.db.migrate;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A row of the revision-tracking table: a revision recorded as applied, with the checksum of its file then.
 *
 * @param phase its phase; empty when an earlier version recorded it, before phases were kept
 */
public record AppliedRevision(RevisionId id, String message, String checksum, OffsetDateTime appliedAt,
                              Optional<Phase> phase) {

    /** The name its file had, without {@code .yaml}, as far as the row tells: {@code 0002_add_priority}. */
    public String fileStem() {
        return id + "_" + message.replace(' ', '_');
    }

    /** Whether an application version without this revision's file still works on a schema that has it applied. */
    public boolean keepsOlderVersionsWorking() {
        return phase.equals(Optional.of(Phase.EXPAND));
    }
}
