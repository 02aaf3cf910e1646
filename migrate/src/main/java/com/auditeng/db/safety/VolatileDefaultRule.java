package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AddColumn;
import com.auditeng.db.migrate.SqlToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A column added with a volatile default (random(), clock_timestamp(), gen_random_uuid(), nextval, a serial or
 * identity column): every existing row needs its own value, so the table is rewritten under an ACCESS EXCLUSIVE
 * lock. A constant or stable default (now(), current_timestamp) is stored once in the catalog on PostgreSQL 11+,
 * without a rewrite. https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES
 */
public final class VolatileDefaultRule extends LintRule {
    // provolatile = 'v' in pg_proc among the functions a default plausibly calls; an unknown function is not reported
    private static final Set<String> VOLATILE = Set.of("random", "random_normal", "setseed", "clock_timestamp",
            "timeofday", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "uuidv4",
            "uuidv7", "nextval", "txid_current", "pg_current_xact_id", "gen_random_bytes");
    private static final Set<String> SERIAL = Set.of("serial", "serial4", "bigserial", "serial8", "smallserial",
            "serial2");

    public VolatileDefaultRule() {
        super("volatile-default", false);
    }

    @Override
    Optional<Problem> inspect(Operation operation, SchemaState schema) {
        if (!(operation instanceof AddColumn add)) {
            return Optional.empty();
        }
        Optional<String> cause = volatileCall(add.column().defaultExpression());
        if (cause.isEmpty() && (add.column().generated() || SERIAL.contains(add.column().type().toLowerCase()))) {
            cause = Optional.of(add.column().generated() ? "an identity or generated value" : add.column().type());
        }
        return cause.map(what -> Problem.on(add.table(), add.column().name(), "adds " + add.table() + "."
                + add.column().name() + " with a volatile default (" + what + "), which rewrites the table to give "
                + "each row its own value (ACCESS EXCLUSIVE lock: no reads or writes meanwhile)"));
    }

    /** The first volatile function the expression calls: a name followed by an opening parenthesis. */
    private static Optional<String> volatileCall(String expression) {
        List<SqlToken> tokens = SqlToken.tokenize(expression);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isName() && tokens.get(i + 1).isSymbol("(") && VOLATILE.contains(token.name())) {
                return Optional.of(token.name() + "()");
            }
        }
        return Optional.empty();
    }

    @Override
    String saferForm() {
        return "add the column without a default (or with a constant one), SET DEFAULT for new rows, then backfill "
                + "old rows in batches";
    }
}
