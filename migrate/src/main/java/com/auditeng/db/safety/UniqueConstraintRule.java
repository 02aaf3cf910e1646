package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AddConstraint;
import com.auditeng.db.migrate.Operation.ConstraintKind;

import java.util.Optional;

/** A UNIQUE or PRIMARY KEY constraint added to an existing table: builds its index under an ACCESS EXCLUSIVE lock. */
public final class UniqueConstraintRule extends LintRule {
    public UniqueConstraintRule() {
        super("unique-constraint", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof AddConstraint add) || add.usingIndex()
                || add.kind() != ConstraintKind.UNIQUE && add.kind() != ConstraintKind.PRIMARY_KEY) {
            return Optional.empty();
        }
        String kind = add.kind() == ConstraintKind.UNIQUE ? "a UNIQUE constraint" : "a PRIMARY KEY";
        return Optional.of(Problem.on(add.table(), "builds the index of " + kind + " on " + add.table()
                + " while no one can read or write it (ACCESS EXCLUSIVE lock)"));
    }

    @Override
    String saferForm() {
        return "CREATE UNIQUE INDEX CONCURRENTLY in a revision of its own (runInTransaction: false), then ADD "
                + "CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING INDEX) in the next";
    }
}
