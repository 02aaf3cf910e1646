package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.DropIndex;

import java.util.Optional;

/** {@code DROP INDEX} without CONCURRENTLY: waits for, then blocks, every query on the index's table. */
public final class DropIndexWithoutConcurrentlyRule extends LintRule {
    public DropIndexWithoutConcurrentlyRule() {
        super("drop-index-concurrently", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof DropIndex drop) || drop.concurrently()) {
            return Optional.empty();
        }
        String table = drop.table().isEmpty() ? schema.tableOfIndex(drop.name()).orElse("") : drop.table();
        return Optional.of(Problem.on(table, "drops index " + drop.name() + " while no one can read or write "
                + (table.isEmpty() ? "its table" : table) + " (ACCESS EXCLUSIVE lock)"));
    }

    @Override
    String saferForm() {
        return "use DROP INDEX CONCURRENTLY in a revision of its own (runInTransaction: false)";
    }
}
