package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.Rename;

import java.util.Optional;

/** A table or column rename: keeps the data, but code still running with the old name fails at once. */
public final class RenameRule extends LintRule {
    public RenameRule() {
        super("rename", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof Rename rename)) {
            return Optional.empty();
        }
        String what = rename.column().isEmpty() ? "table " + rename.table()
                : "column " + rename.table() + "." + rename.column();
        String description = "renames " + what
                + " (a brief ACCESS EXCLUSIVE lock), which breaks code still running with the old name";
        return Optional.of(rename.column().isEmpty() ? Problem.on(rename.table(), description)
                : Problem.on(rename.table(), rename.column(), description));
    }

    @Override
    String saferForm() {
        return "add the new name beside the old one (a new column kept in sync, or a view), move the code, then drop the old";
    }
}
