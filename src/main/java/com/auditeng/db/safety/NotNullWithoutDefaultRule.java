package com.auditeng.db.safety;

import java.util.Optional;
import java.util.regex.Matcher;

/** {@code ADD COLUMN ... NOT NULL} with no default: fails on a table that has rows. */
public final class NotNullWithoutDefaultRule extends LintRule {
    public NotNullWithoutDefaultRule() {
        super("not-null-without-default", false, "^ALTER TABLE (?:ONLY )?" + NAME + " ADD (?:COLUMN )?(?:IF NOT EXISTS )?"
                + NAME + " .*\\bNOT NULL\\b");
    }

    @Override
    protected boolean applies(String statement, Matcher matcher) {
        return !statement.toUpperCase().contains(" DEFAULT ") && !statement.toUpperCase().contains(" CONSTRAINT ");
    }

    @Override
    protected String problem(String table, Optional<String> column) {
        return "adds NOT NULL column " + table + "." + column.orElse("?") + " without a default, which fails when the table has rows";
    }

    @Override
    protected String saferForm() {
        return "add it with a DEFAULT (PostgreSQL 11+ stores it without a rewrite), or add it nullable, backfill, then SET NOT NULL";
    }
}
