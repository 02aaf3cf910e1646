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
import java.util.Optional;

/** Refuses a downgrade that would drop a table or column holding rows, naming each with its row count. */
public final class DataLossGuard implements PlanCheck {
    private final List<LintRule> drops = List.of(new DropTableRule(), new DropColumnRule());
    private final boolean allowDataLoss;

    public DataLossGuard(boolean allowDataLoss) {
        this.allowDataLoss = allowDataLoss;
    }

    @Override
    public void inspect(Connection connection, List<CompiledRevision> plan, Direction direction) throws SQLException {
        if (allowDataLoss) {
            return;
        }
        TableRows rows = new TableRows(connection);
        Map<String, Long> losses = new LinkedHashMap<>();
        for (CompiledRevision revision : plan) {
            for (String sql : direction.statementsOf(revision)) {
                for (LintRule rule : drops) {
                    Optional<LintFinding> drop = rule.inspect(revision.file(), sql);
                    if (drop.isPresent() && !losses.containsKey(drop.get().target())) {
                        long count = rows.count(drop.get().table(), drop.get().column());
                        if (count > 0) {
                            losses.put(drop.get().target(), count);
                        }
                    }
                }
            }
        }
        if (!losses.isEmpty()) {
            List<String> named = new ArrayList<>();
            losses.forEach((target, count) -> named.add(target + " (" + TableRows.describe(count) + ")"));
            throw new ProblemFoundException(direction.name().toLowerCase() + " would drop data in " + String.join(", ", named)
                    + "; nothing was changed; back it up and rerun with --allow-data-loss");
        }
    }
}
