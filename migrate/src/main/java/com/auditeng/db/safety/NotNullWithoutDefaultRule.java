package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AddColumn;

import java.util.Optional;

/** {@code ADD COLUMN ... NOT NULL} with no default: fails on a table that has rows. */
public final class NotNullWithoutDefaultRule extends LintRule {
    public NotNullWithoutDefaultRule() {
        super("not-null-without-default", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof AddColumn add) || !add.column().notNull() || add.column().defaultValue().isPresent()
                || add.column().generated()) {
            return Optional.empty();
        }
        return Optional.of(Problem.on(add.table(), add.column().name(), "adds NOT NULL column " + add.table() + "."
                + add.column().name() + " without a default, which fails when the table has rows"));
    }

    @Override
    String saferForm() {
        return "add it with a DEFAULT (PostgreSQL 11+ stores it without a rewrite), or add it nullable, backfill, then SET NOT NULL";
    }
}
