package com.auditeng.db.safety;

import java.util.Optional;
import java.util.regex.Matcher;

/** A foreign key added without NOT VALID: checks every row while holding locks on both tables. */
public final class ForeignKeyWithoutNotValidRule extends LintRule {
    public ForeignKeyWithoutNotValidRule() {
        super("foreign-key-not-valid", false, "^ALTER TABLE (?:ONLY )?" + NAME + " ADD CONSTRAINT [^ ]+ FOREIGN KEY");
    }

    @Override
    protected boolean applies(String statement, Matcher matcher) {
        return !statement.toUpperCase().contains("NOT VALID");
    }

    @Override
    protected String problem(String table, Optional<String> column) {
        return "scans all of " + table + " to validate the foreign key while blocking writes";
    }

    @Override
    protected String saferForm() {
        return "add it NOT VALID, then VALIDATE CONSTRAINT in a later revision (that takes a weaker lock)";
    }
}
