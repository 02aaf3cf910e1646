package com.auditeng.db.safety;

import java.util.Optional;

/** A table or column rename: keeps the data, but code still running with the old name fails at once. */
public final class RenameRule extends LintRule {
    public RenameRule() {
        super("rename", false, "^ALTER TABLE (?:ONLY )?" + NAME + " RENAME (?:(?:COLUMN )?(?!TO )" + NAME + " )?TO ");
    }

    @Override
    protected String problem(String table, Optional<String> column) {
        return "renames " + column.map(name -> "column " + table + "." + name).orElse("table " + table)
                + ", which breaks code still running with the old name";
    }

    @Override
    protected String saferForm() {
        return "add the new name beside the old one (a new column kept in sync, or a view), move the code, then drop the old";
    }
}
