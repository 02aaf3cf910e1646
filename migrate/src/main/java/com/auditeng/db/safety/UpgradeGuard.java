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
 * Lint before upgrade, on the schema the catalog describes: a destructive step that would lose values held in rows
 * stops the upgrade unless data loss is allowed, and a step certain to fail on rows (a NOT NULL column without a
 * default) stops it always; the other findings on tables with rows are warnings, and accepted ones are noted.
 */
public final class UpgradeGuard implements PlanCheck {
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
        List<String> refused = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        for (RowRisk risk : RowRisk.of(connection, plan, direction)) {
            LintFinding finding = risk.finding();
            if (risk.rows() == 0) {
                continue;
            }
            if (finding.isAccepted()) {
                notes.println(finding.line() + risk.holding());
            } else if (risk.fails()) {
                failing.add(finding.line() + risk.holding());
            } else if (finding.isDestructive()) {
                long lost = risk.lost();
                String line = finding.line() + " (" + finding.target() + " holds " + finding.rule().describeLoss(lost)
                        + ")";
                if (lost > 0 && !allowDataLoss) {
                    refused.add(line);
                } else {
                    notes.println("warning: " + line);
                }
            } else {
                notes.println("warning: " + finding.line() + risk.holding());
            }
        }
        failing.forEach(line -> notes.println("refused: " + line));
        if (!failing.isEmpty()) {
            throw new ProblemFoundException("upgrade would fail: " + failing.get(0) + more(failing)
                    + "; nothing was changed; give the column a DEFAULT in the revision");
        }
        refused.forEach(line -> notes.println("refused: " + line));
        if (!refused.isEmpty()) {
            throw new ProblemFoundException("upgrade would lose data: " + refused.get(0) + more(refused)
                    + "; nothing was changed; back the data up and rerun with " + howToAllow
                    + ", accept the step in its revision (lint-accept: <rule> <reason>), or change the revision as "
                    + "suggested");
        }
    }

    private static String more(List<String> lines) {
        return lines.size() == 1 ? "" : " (and " + (lines.size() - 1) + " more above)";
    }
}
