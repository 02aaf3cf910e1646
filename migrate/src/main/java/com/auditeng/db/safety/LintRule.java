package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;

import java.util.Optional;

/**
 * A check of one operation of a revision for a destructive or lock-heavy step. Rules judge what a statement does
 * (read from the typed Liquibase change, or from the tokens of an {@code sql} change), on the schema as it stands
 * before the statement; each names the lock the statement takes and the safer form.
 * https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES
 */
public abstract class LintRule {
    private final String id;
    private final boolean destructive;

    protected LintRule(String id, boolean destructive) {
        this.id = id;
        this.destructive = destructive;
    }

    public String id() {
        return id;
    }

    /** Whether the step can lose data: such findings stop an upgrade or downgrade on rows that would be lost. */
    public boolean isDestructive() {
        return destructive;
    }

    /** What is wrong with {@code operation}; empty when nothing is. */
    abstract Optional<Problem> inspect(Operation operation, SchemaState schema);

    abstract String saferForm();

    /** The rows a destructive step would lose, as the guards name them: {@code 2 rows}. */
    String describeLoss(long rows) {
        return TableRows.describe(rows);
    }

    /** Whether the rule fires on a table the same revision creates; most do not, as such a table is empty. */
    boolean reportsNewTables() {
        return false;
    }

    /**
     * The table (and column) a finding is about and what goes wrong, lock level included; {@code lossCondition},
     * for a destructive step, is the SQL condition true for the rows that would lose a value.
     */
    record Problem(String table, Optional<String> column, String description, Optional<String> lossCondition) {

        static Problem on(String table, String description) {
            return new Problem(table, Optional.empty(), description, Optional.empty());
        }

        static Problem on(String table, String column, String description) {
            return new Problem(table, Optional.of(column), description, Optional.empty());
        }

        Problem losingRowsWhere(String condition) {
            return new Problem(table, column, description, Optional.of(condition));
        }
    }
}
