package com.auditeng.db.migrate;

import java.time.OffsetDateTime;

/** A row of the revision-tracking table: a revision recorded as applied, with the checksum of its file then. */
public record AppliedRevision(RevisionId id, String message, String checksum, OffsetDateTime appliedAt) {
}
