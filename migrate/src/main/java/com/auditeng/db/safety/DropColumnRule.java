package com.auditeng.db.safety;

import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.DropColumn;

import java.util.Optional;

/** {@code ALTER TABLE ... DROP COLUMN}: the column's values are gone, and running code that reads it breaks. */
public final class DropColumnRule extends LintRule {
    public DropColumnRule() {
        super("drop-column", true);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof DropColumn drop)) {
            return Optional.empty();
        }
        return Optional.of(Problem.on(drop.table(), drop.column(), "drops column " + drop.table() + "."
                + drop.column() + " and its values (ACCESS EXCLUSIVE lock)")
                .losingRowsWhere(SqlIdentifier.quote(drop.column()) + " IS NOT NULL"));
    }

    @Override
    String saferForm() {
        return "stop reading and writing the column in a release first, then drop it in a later revision";
    }
}
