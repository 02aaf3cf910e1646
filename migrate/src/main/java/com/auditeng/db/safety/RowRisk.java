package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.PlanCheck.Direction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A lint finding of a plan on a table that holds rows, with what the guards decide by: how many rows the table holds
 * and, for a destructive step, how many of them hold values the step would lose. A finding on an empty table (or on
 * one the plan creates) is no risk: no row can lose a value or make PostgreSQL refuse the step.
 */
record RowRisk(LintFinding finding, long rows, long lost) {

    /** The risks of running {@code plan} in {@code direction} on {@code connection}'s database, in plan order. */
    static List<RowRisk> of(Connection connection, List<CompiledRevision> plan, Direction direction)
            throws SQLException {
        TableRows rows = new TableRows(connection);
        List<RowRisk> risks = new ArrayList<>();
        for (LintFinding finding : new Linter().lint(plan, CatalogFacts.read(connection), direction)) {
            long count = rows.count(finding.table());
            if (count > 0) {
                long lost = finding.isDestructive()
                        ? rows.count(finding.table(), finding.lossCondition().orElse("true")) : 0;
                risks.add(new RowRisk(finding, count, lost));
            }
        }
        return risks;
    }

    /** Whether PostgreSQL would refuse the step on these rows: a NOT NULL column added without a default. */
    boolean fails() {
        return finding.rule() instanceof NotNullWithoutDefaultRule;
    }

    /** {@code  (<table> holds N rows)}. */
    String holding() {
        return " (" + finding.table() + " holds " + TableRows.describe(rows) + ")";
    }
}
