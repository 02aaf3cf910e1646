package com.auditeng.db.migrate;

import java.util.List;
import java.util.Optional;

/**
 * A revision turned into PostgreSQL statements: what {@code upgrade} runs, what {@code downgrade} runs, and
 * whether both may run inside one transaction.
 *
 * @param irreversible why the revision cannot be rolled back, when it cannot
 * @param phase        whether it may run while the previous application version does
 */
public record CompiledRevision(RevisionFile file, List<String> upgrade, List<String> downgrade,
                               boolean transactional, Optional<String> irreversible, Phase phase) {

    public CompiledRevision {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** A revision whose phase is read from its statements. */
    public CompiledRevision(RevisionFile file, List<String> upgrade, List<String> downgrade, boolean transactional,
                            Optional<String> irreversible) {
        this(file, upgrade, downgrade, transactional, irreversible, Phase.inferredFrom(upgrade));
    }

    public RevisionId id() {
        return file.id();
    }
}
