package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AddConstraint;
import com.auditeng.db.migrate.Operation.ConstraintKind;

import java.util.Optional;

/** A foreign key added without NOT VALID: checks every row while holding locks on both tables. */
public final class ForeignKeyWithoutNotValidRule extends LintRule {
    public ForeignKeyWithoutNotValidRule() {
        super("foreign-key-not-valid", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        return operation instanceof AddConstraint add && add.kind() == ConstraintKind.FOREIGN_KEY && !add.notValid()
                ? Optional.of(Problem.on(add.table(), "scans all of " + add.table()
                + " to validate the foreign key while blocking writes to it and to the table it references "
                + "(SHARE ROW EXCLUSIVE lock on both)"))
                : Optional.empty();
    }

    @Override
    String saferForm() {
        return "add it NOT VALID, then VALIDATE CONSTRAINT in a later revision (that takes a weaker lock)";
    }
}
