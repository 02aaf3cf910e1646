package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.CreateIndex;
import com.auditeng.db.migrate.Operation.DropIndex;
import com.auditeng.db.migrate.Operation.Reindex;

import java.util.Optional;

/**
 * {@code CREATE INDEX}, {@code DROP INDEX} or {@code REINDEX} CONCURRENTLY in a revision that runs in a transaction:
 * PostgreSQL refuses it ("cannot run inside a transaction block"), so the upgrade would fail. Fires on new tables too.
 */
public final class ConcurrentlyInTransactionRule extends LintRule {
    public ConcurrentlyInTransactionRule() {
        super("concurrently-in-transaction", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!schema.isTransactional()) {
            return Optional.empty();
        }
        String statement;
        if (operation instanceof CreateIndex create && create.concurrently()) {
            statement = "CREATE INDEX CONCURRENTLY";
        } else if (operation instanceof DropIndex drop && drop.concurrently()) {
            statement = "DROP INDEX CONCURRENTLY";
        } else if (operation instanceof Reindex reindex && reindex.concurrently()) {
            statement = "REINDEX CONCURRENTLY";
        } else {
            return Optional.empty();
        }
        return Optional.of(Problem.on(operation.table(), "fails at run time: " + statement
                + " cannot run inside a transaction block (takes no lock: it never starts)"));
    }

    @Override
    boolean reportsNewTables() {
        return true;
    }

    @Override
    String saferForm() {
        return "mark the revision runInTransaction: false, and keep the statement in a revision of its own";
    }
}
