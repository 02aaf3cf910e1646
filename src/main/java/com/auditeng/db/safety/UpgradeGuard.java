package com.auditeng.db.safety;

import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.PlanCheck;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lint before upgrade: a destructive step on a table holding rows stops the upgrade unless data loss is allowed;
 * the other findings on tables with rows are printed as warnings.
 */
public final class UpgradeGuard implements PlanCheck {
    private final Linter linter = new Linter();
    private final boolean allowDataLoss;
    private final PrintWriter notes;

    public UpgradeGuard(boolean allowDataLoss, PrintWriter notes) {
        this.allowDataLoss = allowDataLoss;
        this.notes = notes;
    }

    @Override
    public void inspect(Connection connection, List<CompiledRevision> plan, Direction direction) throws SQLException {
        TableRows rows = new TableRows(connection);
        List<String> refused = new ArrayList<>();
        for (LintFinding finding : linter.lint(plan)) {
            long count = rows.count(finding.table(), finding.isDestructive() ? finding.column() : java.util.Optional.empty());
            if (count == 0) {
                continue;
            }
            String line = finding.line() + " (" + finding.target() + " holds " + TableRows.describe(count) + ")";
            if (finding.isDestructive() && !allowDataLoss) {
                refused.add(line);
            } else {
                notes.println("warning: " + line);
            }
        }
        if (!refused.isEmpty()) {
            refused.forEach(line -> notes.println("refused: " + line));
            throw new ProblemFoundException("upgrade would lose data (" + refused.size() + " step"
                    + (refused.size() == 1 ? "" : "s") + " above); nothing was changed; back the data up and rerun "
                    + "with --allow-data-loss, or change the revision as suggested");
        }
    }
}
