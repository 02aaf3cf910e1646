package com.auditeng.db.safety;

import java.util.Optional;

/** {@code DROP TABLE}: every row of the table is gone. */
public final class DropTableRule extends LintRule {
    public DropTableRule() {
        super("drop-table", true, "^DROP TABLE (?:IF EXISTS )?" + NAME);
    }

    @Override
    protected String problem(String table, Optional<String> column) {
        return "drops table " + table + " and all its rows";
    }

    @Override
    protected String saferForm() {
        return "stop using the table first, back it up, and drop it in a later release";
    }
}
