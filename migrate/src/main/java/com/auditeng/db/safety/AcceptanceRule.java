package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;

import java.util.Optional;

/** A {@code lint-accept:} line that accepts nothing: no known rule id, or no reason. It cannot itself be accepted. */
public final class AcceptanceRule extends LintRule {
    public AcceptanceRule() {
        super("lint-accept", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        return Optional.empty();   // reported by the Linter, which reads the comments
    }

    @Override
    String saferForm() {
        return "write 'lint-accept: <rule-id> <reason>' in the change set's comment, with a rule id that db lint "
                + "prints";
    }
}
