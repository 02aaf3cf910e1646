package com.auditeng.db.safety;

import java.util.Optional;

/** {@code ALTER TABLE ... DROP COLUMN}: the column's values are gone, and running code that reads it breaks. */
public final class DropColumnRule extends LintRule {
    public DropColumnRule() {
        super("drop-column", true, "^ALTER TABLE (?:ONLY )?" + NAME + " DROP (?:COLUMN )?(?:IF EXISTS )?" + NAME);
    }

    @Override
    protected String problem(String table, Optional<String> column) {
        return "drops column " + table + "." + column.orElse("?") + " and its values";
    }

    @Override
    protected String saferForm() {
        return "stop reading and writing the column in a release first, then drop it in a later revision";
    }
}
