package com.auditeng.db.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A look at the revisions about to run, under the lock and before the first statement: it may refuse the plan by
 * throwing, so that nothing is changed. Lint before upgrade and the data-loss guard before downgrade are such checks.
 */
@FunctionalInterface
public interface PlanCheck {
    PlanCheck NONE = (connection, plan, direction) -> { };

    void inspect(Connection connection, List<CompiledRevision> plan, Direction direction) throws SQLException;

    /** Which statements of the plan will run. */
    enum Direction {
        UPGRADE, DOWNGRADE;

        public List<String> statementsOf(CompiledRevision revision) {
            return this == UPGRADE ? revision.upgrade() : revision.downgrade();
        }

        public List<Step> stepsOf(CompiledRevision revision) {
            return this == UPGRADE ? revision.upgradeSteps() : revision.downgradeSteps();
        }
    }
}
