package com.auditeng.db.migrate;

import java.util.List;
import java.util.Optional;

/**
 * A revision turned into PostgreSQL statements: the steps {@code upgrade} runs, the steps {@code downgrade} runs, and
 * whether both may run inside one transaction. Each step keeps what its statements do, for lint and the guards.
 *
 * @param irreversible why the revision cannot be rolled back, when it cannot
 */
public record CompiledRevision(RevisionFile file, List<Step> upgradeSteps, List<Step> downgradeSteps,
                               boolean transactional, Optional<String> irreversible) {

    public CompiledRevision {
        upgradeSteps = List.copyOf(upgradeSteps);
        downgradeSteps = List.copyOf(downgradeSteps);
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
        return upgradeSteps.stream().flatMap(step -> step.statements().stream()).toList();
    }

    /** The statements {@code downgrade} runs, in order. */
    public List<String> downgrade() {
        return downgradeSteps.stream().flatMap(step -> step.statements().stream()).toList();
    }
}
