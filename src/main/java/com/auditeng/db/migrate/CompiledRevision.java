package com.auditeng.db.migrate;

import java.util.List;
import java.util.Optional;

/**
 * A revision turned into PostgreSQL statements: what {@code upgrade} runs, what {@code downgrade} runs, and
 * whether both may run inside one transaction.
 *
 * @param irreversible why the revision cannot be rolled back, when it cannot
 * @param phase        whether it may run while the previous application version does
 * @param backfill     the batched data change it is, when it is one; its upgrade is then that change as one
 *                     statement, for {@code --sql} and lint
 */
public record CompiledRevision(RevisionFile file, List<String> upgrade, List<String> downgrade,
                               boolean transactional, Optional<String> irreversible, Phase phase,
                               Optional<Backfill> backfill) {

    public CompiledRevision {
        upgrade = List.copyOf(upgrade);
        downgrade = List.copyOf(downgrade);
    }

    /** A revision whose phase is read from its statements, and which is no backfill. */
    public CompiledRevision(RevisionFile file, List<String> upgrade, List<String> downgrade, boolean transactional,
                            Optional<String> irreversible) {
        this(file, upgrade, downgrade, transactional, irreversible, Phase.inferredFrom(upgrade), Optional.empty());
    }

    public RevisionId id() {
        return file.id();
    }
}
