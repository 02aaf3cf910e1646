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
    private final String howToAllow;
    private final PrintWriter notes;

    /** {@code howToAllow} names the switch that allows data loss where the guard runs: a flag, or an option in code. */
    public UpgradeGuard(boolean allowDataLoss, String howToAllow, PrintWriter notes) {
        this.allowDataLoss = allowDataLoss;
        this.howToAllow = howToAllow;
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
            String more = refused.size() == 1 ? "" : " (and " + (refused.size() - 1) + " more above)";
            throw new ProblemFoundException("upgrade would lose data: " + refused.get(0) + more
                    + "; nothing was changed; back the data up and rerun with " + howToAllow
                    + ", or change the revision as suggested");
        }
    }
}
