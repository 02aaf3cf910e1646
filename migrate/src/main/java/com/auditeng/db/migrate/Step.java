package com.auditeng.db.migrate;

import java.util.List;

/**
 * One change of a revision: the statements it runs, the change set it belongs to (with that change set's
 * {@code comment:}, where reviewed exceptions are written) and what the statements do.
 */
public record Step(List<String> statements, String changeSet, String comment, List<Operation> operations) {

    public Step {
        statements = List.copyOf(statements);
        operations = List.copyOf(operations);
    }

    /** A statement of no change set, read from its tokens; for SQL that comes from nowhere else. */
    public static Step of(String sql) {
        return new Step(List.of(sql), "", "", StatementReader.read(sql));
    }

    /** The statements of {@code steps}, in order. */
    public static List<String> statementsOf(List<Step> steps) {
        return steps.stream().flatMap(step -> step.statements().stream()).toList();
    }

    /** The statements on one line each, joined by {@code ; }. */
    public String sql() {
        return String.join("; ", statements);
    }
}
