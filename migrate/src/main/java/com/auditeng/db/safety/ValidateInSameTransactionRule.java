package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.ValidateConstraint;

import java.util.Optional;

/**
 * {@code VALIDATE CONSTRAINT} in the transaction that added the constraint NOT VALID: the ADD's ACCESS EXCLUSIVE lock
 * is held until commit, so the validating scan runs under it and NOT VALID gains nothing.
 */
public final class ValidateInSameTransactionRule extends LintRule {
    public ValidateInSameTransactionRule() {
        super("validate-same-transaction", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof ValidateConstraint validate) || !schema.isTransactional()
                || !schema.isAddedNotValidHere(validate.table(), validate.name())) {
            return Optional.empty();
        }
        return Optional.of(Problem.on(validate.table(), "validates " + validate.name() + " in the transaction that "
                + "added it NOT VALID, so the scan of " + validate.table()
                + " runs under the ADD's ACCESS EXCLUSIVE lock"));
    }

    @Override
    String saferForm() {
        return "move VALIDATE CONSTRAINT to the next revision, where it takes only a SHARE UPDATE EXCLUSIVE lock";
    }
}
