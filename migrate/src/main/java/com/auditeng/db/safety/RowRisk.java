package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.PlanCheck.Direction;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A lint finding of a plan and the rows it puts at risk: how many rows its table holds and, for a destructive step,
 * how many hold values the step would lose. Each is counted only when a guard asks, as its decision needs: a count
 * on a large table is a scan of it.
 */
final class RowRisk {
    private final LintFinding finding;
    private final TableRows tableRows;
    private long rows = -1;   // not counted yet

    private RowRisk(LintFinding finding, TableRows tableRows) {
        this.finding = finding;
        this.tableRows = tableRows;
    }

    /** The findings of running {@code plan} in {@code direction} on {@code connection}'s database, in plan order. */
    static List<RowRisk> of(Connection connection, List<CompiledRevision> plan, Direction direction)
            throws SQLException {
        TableRows tableRows = new TableRows(connection);
        List<RowRisk> risks = new ArrayList<>();
        for (LintFinding finding : new Linter().lint(plan, CatalogFacts.read(connection), direction)) {
            risks.add(new RowRisk(finding, tableRows));
        }
        return risks;
    }

    LintFinding finding() {
        return finding;
    }

    /** The rows of the finding's table; 0 when the plan creates it. */
    long rows() throws SQLException {
        if (rows < 0) {
            rows = tableRows.count(finding.table());
        }
        return rows;
    }

    /** The rows holding values the step would lose. */
    long lost() throws SQLException {
        return tableRows.count(finding.table(), finding.lossCondition().orElse("true"));
    }

    /** Whether PostgreSQL would refuse the step on rows: a NOT NULL column added without a default. */
    boolean fails() {
        return finding.rule() instanceof NotNullWithoutDefaultRule;
    }

    /** {@code  (<table> holds N rows)}. */
    String holding() throws SQLException {
        return " (" + finding.table() + " holds " + TableRows.describe(rows()) + ")";
    }
}
