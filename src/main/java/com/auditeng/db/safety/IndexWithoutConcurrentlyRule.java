package com.auditeng.db.safety;

import java.util.Optional;

/** {@code CREATE INDEX} without CONCURRENTLY: blocks every write to the table while the index builds. */
public final class IndexWithoutConcurrentlyRule extends LintRule {
    public IndexWithoutConcurrentlyRule() {
        super("index-concurrently", false, "^CREATE (?:UNIQUE )?INDEX (?!CONCURRENTLY)(?:IF NOT EXISTS )?[^ ]+ ON (?:ONLY )?"
                + NAME);
    }

    @Override
    protected String problem(String table, Optional<String> column) {
        return "locks writes to " + table + " while the index builds";
    }

    @Override
    protected String saferForm() {
        return "use CREATE INDEX CONCURRENTLY in a revision of its own (runInTransaction: false)";
    }
}
