package com.auditeng.db.safety;

import java.util.Optional;

/**
 * {@code ALTER COLUMN ... TYPE}: a narrower type truncates or refuses values, and most type changes rewrite the
 * whole table under an ACCESS EXCLUSIVE lock. The SQL alone cannot tell narrowing from widening, so every type
 * change is reported; the guard at upgrade only stops one on a table that holds rows.
 */
public final class NarrowingTypeRule extends LintRule {
    public NarrowingTypeRule() {
        super("narrowing-type", true, "^ALTER TABLE (?:ONLY )?" + NAME + " ALTER (?:COLUMN )?" + NAME
                + " (?:SET DATA )?TYPE ");
    }

    @Override
    protected String problem(String table, Optional<String> column) {
        return "changes the type of " + table + "." + column.orElse("?")
                + ", which can lose values when it narrows and rewrites the table under an exclusive lock";
    }

    @Override
    protected String saferForm() {
        return "add a column of the new type, backfill it in batches, then switch readers and drop the old one";
    }
}
