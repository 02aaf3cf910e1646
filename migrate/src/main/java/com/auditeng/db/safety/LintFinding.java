package com.auditeng.db.safety;

import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.StatementText;

import java.util.Optional;

/**
 * One risky statement of a revision: the rule it breaks, the table (and column) it acts on, what goes wrong and
 * the safer form; for a destructive step, the condition naming the rows it would lose; and the reason written in the
 * revision when a reviewer accepted it.
 */
public record LintFinding(LintRule rule, RevisionFile revision, String statement, String table,
                          Optional<String> column, String problem, String saferForm, Optional<String> lossCondition,
                          Optional<String> acceptedBecause) {

    public boolean isDestructive() {
        return rule.isDestructive();
    }

    /** Whether the revision accepts this finding with a {@code lint-accept:} line; it is then shown, not counted. */
    public boolean isAccepted() {
        return acceptedBecause.isPresent();
    }

    /** "table" or "table.column", as the guard names what holds rows. */
    public String target() {
        return column.map(name -> table + "." + name).orElse(table);
    }

    /**
     * {@code lint[rule] file: STATEMENT problem; safer form}, or for an accepted finding
     * {@code accepted: lint[rule] file: STATEMENT problem: reason}.
     */
    public String line() {
        String found = "lint[" + rule.id() + "] " + revision.fileName() + ": "
                + StatementText.abbreviate(statement, 100) + " " + problem;
        return acceptedBecause.map(reason -> "accepted: " + found + ": " + reason).orElse(found + "; " + saferForm);
    }

    LintFinding accepted(String reason) {
        return new LintFinding(rule, revision, statement, table, column, problem, saferForm, lossCondition,
                Optional.of(reason));
    }
}
