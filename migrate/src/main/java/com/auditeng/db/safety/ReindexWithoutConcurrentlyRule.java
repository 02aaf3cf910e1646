package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.Reindex;

import java.util.Optional;

/** {@code REINDEX} without CONCURRENTLY: blocks writes to the table, and reads that would use the index, until done. */
public final class ReindexWithoutConcurrentlyRule extends LintRule {
    public ReindexWithoutConcurrentlyRule() {
        super("reindex-concurrently", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof Reindex reindex) || reindex.concurrently()) {
            return Optional.empty();
        }
        String index = reindex.target().startsWith("index ") ? reindex.target().substring("index ".length()) : "";
        String table = reindex.table().isEmpty() ? schema.tableOfIndex(index).orElse("") : reindex.table();
        return Optional.of(Problem.on(table, "rebuilds " + reindex.target() + " while writes to its table "
                + "wait (SHARE lock on the table, ACCESS EXCLUSIVE on each index)"));
    }

    @Override
    String saferForm() {
        return "use REINDEX ... CONCURRENTLY (PostgreSQL 12+) in a revision of its own (runInTransaction: false)";
    }
}
