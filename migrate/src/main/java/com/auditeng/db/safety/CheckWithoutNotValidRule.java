package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AddConstraint;
import com.auditeng.db.migrate.Operation.ConstraintKind;

import java.util.Optional;

/** A CHECK constraint added without NOT VALID: every row is checked while the table is locked against all access. */
public final class CheckWithoutNotValidRule extends LintRule {
    public CheckWithoutNotValidRule() {
        super("check-not-valid", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        return operation instanceof AddConstraint add && add.kind() == ConstraintKind.CHECK && !add.notValid()
                ? Optional.of(Problem.on(add.table(), "scans all of " + add.table() + " to check "
                + (add.name().isEmpty() ? "the constraint" : add.name())
                + " while no one can read or write it (ACCESS EXCLUSIVE lock)"))
                : Optional.empty();
    }

    @Override
    String saferForm() {
        return "ADD CONSTRAINT ... NOT VALID (new rows are checked at once), then VALIDATE CONSTRAINT in a later "
                + "revision (SHARE UPDATE EXCLUSIVE: reads and writes go on)";
    }
}
