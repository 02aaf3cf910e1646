package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.SetNotNull;

import java.util.Optional;

/**
 * {@code ALTER COLUMN ... SET NOT NULL} (Liquibase's addNotNullConstraint) on an existing column: a full scan under
 * an ACCESS EXCLUSIVE lock. PostgreSQL 12+ skips the scan when a validated {@code CHECK (column IS NOT NULL)} already
 * proves it, so after that check the statement does not fire.
 */
public final class SetNotNullRule extends LintRule {
    public SetNotNullRule() {
        super("set-not-null", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof SetNotNull set) || schema.hasValidatedNotNullCheck(set.table(), set.column())) {
            return Optional.empty();
        }
        return Optional.of(Problem.on(set.table(), set.column(), "scans all of " + set.table() + " to prove "
                + set.column() + " holds no NULL while no one can read or write it (ACCESS EXCLUSIVE lock)"));
    }

    @Override
    String saferForm() {
        return "ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT in a later revision; "
                + "then SET NOT NULL (PostgreSQL 12+ uses the check and skips the scan) and drop the check";
    }
}
