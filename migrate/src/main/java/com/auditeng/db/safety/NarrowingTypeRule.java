package com.auditeng.db.safety;

import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AlterType;

import java.util.Optional;

/**
 * {@code ALTER COLUMN ... TYPE} to a type that cannot hold every value of the old one (a shorter varchar, fewer
 * digits, bigint to integer), or from a type lint cannot tell: values are refused or rounded, and the table is
 * rewritten under an ACCESS EXCLUSIVE lock. The guards count the rows whose values would not fit.
 */
public final class NarrowingTypeRule extends LintRule {
    public NarrowingTypeRule() {
        super("narrowing-type", true);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof AlterType alter)) {
            return Optional.empty();
        }
        ColumnType to = ColumnType.parse(alter.type());
        Optional<ColumnType> from = schema.typeOf(alter.table(), alter.column());
        String target = alter.table() + "." + alter.column();
        if (from.isEmpty()) {
            return Optional.of(Problem.on(alter.table(), alter.column(), "changes the type of " + target + " to " + to
                    + " from a type lint cannot tell, which can lose values and rewrites the table "
                    + "(ACCESS EXCLUSIVE lock)"));
        }
        return from.get().rowsThatDoNotFit(SqlIdentifier.quote(alter.column()), to)
                .map(condition -> Problem.on(alter.table(), alter.column(), "narrows " + target + " from " + from.get()
                        + " to " + to + ", which refuses or rounds values that do not fit and rewrites the table "
                        + "(ACCESS EXCLUSIVE lock)").losingRowsWhere(condition));
    }

    @Override
    String describeLoss(long rows) {
        return TableRows.describe(rows) + (rows == 1 ? " whose value does not fit" : " whose values do not fit")
                + " the new type";
    }

    @Override
    String saferForm() {
        return "add a column of the new type, backfill it in batches, then switch readers and drop the old one";
    }
}
