package com.auditeng.db.safety;

import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.PlanCheck;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses a downgrade that would lose values held in rows (a table or column dropped, a column narrowed below the
 * values it holds), naming each with its row count, unless data loss is allowed; and, always, one whose rollback
 * adds a NOT NULL column without a default to a table with rows, which PostgreSQL would refuse halfway.
 */
public final class DataLossGuard implements PlanCheck {
    private final boolean allowDataLoss;

    public DataLossGuard(boolean allowDataLoss) {
        this.allowDataLoss = allowDataLoss;
    }

    @Override
    public void inspect(Connection connection, List<CompiledRevision> plan, Direction direction) throws SQLException {
        Map<String, String> losses = new LinkedHashMap<>();
        List<String> failing = new ArrayList<>();
        for (RowRisk risk : RowRisk.of(connection, plan, direction)) {
            LintFinding finding = risk.finding();
            if (finding.isAccepted()) {
                continue;
            }
            if (risk.fails()) {
                if (risk.rows() > 0) {
                    failing.add(finding.revision().fileName() + " adds NOT NULL column " + finding.target()
                            + " without a default, and " + finding.table() + " holds "
                            + TableRows.describe(risk.rows()));
                }
            } else if (finding.isDestructive() && !allowDataLoss && !losses.containsKey(finding.target())) {
                long lost = risk.lost();
                if (lost > 0) {
                    losses.put(finding.target(), finding.rule().describeLoss(lost));
                }
            }
        }
        String verb = direction.name().toLowerCase();
        if (!failing.isEmpty()) {
            throw new ProblemFoundException(verb + " would fail: " + String.join("; ", failing)
                    + "; nothing was changed; write a default in the rollback (defaultValue or defaultValueComputed "
                    + "on the column), or let the rollback add the column nullable");
        }
        if (!losses.isEmpty()) {
            List<String> named = new ArrayList<>();
            losses.forEach((target, loss) -> named.add(target + " (" + loss + ")"));
            throw new ProblemFoundException(verb + " would lose data in " + String.join(", ", named)
                    + "; nothing was changed; back it up and rerun with --allow-data-loss");
        }
    }
}
