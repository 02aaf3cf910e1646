package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AlterType;
import com.auditeng.db.migrate.SqlToken;

import java.util.List;
import java.util.Optional;

/**
 * {@code ALTER COLUMN ... TYPE} that loses no value but still rewrites the table and its indexes under an ACCESS
 * EXCLUSIVE lock: integer to bigint, varchar to integer, timestamp to timestamptz. Widening a varchar, varchar to
 * text and the other changes of {@link ColumnType#changesWithoutRewrite} do not fire.
 */
public final class TypeRewriteRule extends LintRule {
    public TypeRewriteRule() {
        super("type-rewrite", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof AlterType alter)) {
            return Optional.empty();
        }
        Optional<ColumnType> from = schema.typeOf(alter.table(), alter.column());
        ColumnType to = ColumnType.parse(alter.type());
        if (from.isEmpty() || from.get().narrowsTo(to)) {
            return Optional.empty();   // narrowing-type reports it
        }
        boolean keepsValues = isPlainCast(alter.using(), alter.column());
        if (keepsValues && from.get().changesWithoutRewrite(to)) {
            return Optional.empty();
        }
        return Optional.of(Problem.on(alter.table(), alter.column(), "changes " + alter.table() + "." + alter.column()
                + " from " + from.get() + " to " + to + (keepsValues ? "" : " with a USING expression")
                + ", which rewrites the table and its indexes (ACCESS EXCLUSIVE lock: no reads or writes meanwhile)"));
    }

    /** Whether USING is absent or only casts the column ({@code (label::VARCHAR(500))}), which changes no value. */
    private static boolean isPlainCast(String using, String column) {
        List<SqlToken> tokens = SqlToken.tokenize(using);
        while (tokens.size() >= 2 && tokens.get(0).isSymbol("(") && tokens.get(tokens.size() - 1).isSymbol(")")) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        return tokens.isEmpty() || tokens.get(0).isName() && tokens.get(0).name().equals(column)
                && (tokens.size() == 1 || tokens.get(1).isSymbol("::"));
    }

    @Override
    String saferForm() {
        return "add a column of the new type, fill it in batches and keep it in sync with a trigger, then swap the "
                + "columns in a short revision";
    }
}
