package com.auditeng.db.migrate;

import java.util.List;
import java.util.Optional;

/**
 * Where a database stands, and the revisions above it, compiled, oldest first, each with the step of a rolling deploy
 * that applies it: {@code db upgrade --phase expand} applies those before the first contract revision, as
 * {@link MigrationRunner#upgrade} stops there, and {@code db upgrade} the rest, once no instance of the previous
 * version runs.
 */
public record Pending(Optional<RevisionId> current, List<CompiledRevision> revisions) {

    public Pending {
        revisions = List.copyOf(revisions);
    }

    /** How many of the revisions the expand step applies: those before the first contract revision. */
    public int expanding() {
        int count = 0;
        while (count < revisions.size() && revisions.get(count).phase() != Phase.CONTRACT) {
            count++;
        }
        return count;
    }

    /** The step that applies the revision at {@code index}: expand, or from the first contract one on, contract. */
    public Phase stepOf(int index) {
        return index < expanding() ? Phase.EXPAND : Phase.CONTRACT;
    }
}
