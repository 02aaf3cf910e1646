package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.CreateIndex;

import java.util.Optional;

/** {@code CREATE INDEX} without CONCURRENTLY: a SHARE lock blocks every write to the table while the index builds. */
public final class IndexWithoutConcurrentlyRule extends LintRule {
    public IndexWithoutConcurrentlyRule() {
        super("index-concurrently", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        return operation instanceof CreateIndex create && !create.concurrently()
                ? Optional.of(Problem.on(create.table(), "locks writes to " + create.table()
                + " while the index builds (SHARE lock)"))
                : Optional.empty();
    }

    @Override
    String saferForm() {
        return "use CREATE INDEX CONCURRENTLY in a revision of its own (runInTransaction: false)";
    }
}
