package com.auditeng.db.migrate;

import java.util.List;
import java.util.Optional;

/**
 * A revision turned into PostgreSQL statements: the steps {@code upgrade} runs, the steps {@code downgrade} runs, and
 * whether both may run inside one transaction. Each step keeps what its statements do, for lint and the guards.
 *
 * @param irreversible why the revision cannot be rolled back, when it cannot
 * @param phase        whether it may run while the previous application version does
 * @param backfill     the batched data change it is, when it is one; its upgrade is then that change as one
 *                     statement, for {@code --sql} and lint
 */
public record CompiledRevision(RevisionFile file, List<Step> upgradeSteps, List<Step> downgradeSteps,
                               boolean transactional, Optional<String> irreversible, Phase phase,
                               Optional<Backfill> backfill) {

    public CompiledRevision {
        upgradeSteps = List.copyOf(upgradeSteps);
        downgradeSteps = List.copyOf(downgradeSteps);
    }

    /** A revision whose phase is read from its statements, and which is no backfill. */
    public CompiledRevision(RevisionFile file, List<Step> upgradeSteps, List<Step> downgradeSteps,
                            boolean transactional, Optional<String> irreversible) {
        this(file, upgradeSteps, downgradeSteps, transactional, irreversible,
                Phase.inferredFrom(Step.statementsOf(upgradeSteps)), Optional.empty());
    }

    /** A revision of plain statements, each read from its tokens. */
    public static CompiledRevision ofSql(RevisionFile file, List<String> upgrade, List<String> downgrade,
                                         boolean transactional) {
        return new CompiledRevision(file, upgrade.stream().map(Step::of).toList(),
                downgrade.stream().map(Step::of).toList(), transactional, Optional.empty());
    }

    public RevisionId id() {
        return file.id();
    }

    /** The statements {@code upgrade} runs, in order. */
    public List<String> upgrade() {
        return Step.statementsOf(upgradeSteps);
    }

    /** The statements {@code downgrade} runs, in order. */
    public List<String> downgrade() {
        return Step.statementsOf(downgradeSteps);
    }
}
