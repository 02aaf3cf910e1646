package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.DropTable;

import java.util.Optional;

/** {@code DROP TABLE}: every row of the table is gone. */
public final class DropTableRule extends LintRule {
    public DropTableRule() {
        super("drop-table", true);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        return operation instanceof DropTable drop
                ? Optional.of(Problem.on(drop.table(), "drops table " + drop.table() + " and all its rows (ACCESS "
                + "EXCLUSIVE lock)").losingRowsWhere("true"))
                : Optional.empty();
    }

    @Override
    String saferForm() {
        return "stop using the table first, back it up, and drop it in a later release";
    }
}
