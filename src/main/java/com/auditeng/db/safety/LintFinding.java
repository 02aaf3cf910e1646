package com.auditeng.db.safety;

import com.auditeng.db.migrate.RevisionFile;

import java.util.Optional;

/**
 * One risky statement of a revision: the rule it breaks, the table (and column) it acts on, what goes wrong and
 * the safer form.
 */
public record LintFinding(LintRule rule, RevisionFile revision, String statement, String table,
                          Optional<String> column, String problem, String saferForm) {

    public boolean isDestructive() {
        return rule.isDestructive();
    }

    /** "table" or "table.column", as the guard names what holds rows. */
    public String target() {
        return column.map(name -> table + "." + name).orElse(table);
    }

    /** {@code lint[rule] file: STATEMENT problem; safer form}. */
    public String line() {
        return "lint[" + rule.id() + "] " + revision.fileName() + ": " + abbreviate(statement) + " " + problem
                + "; " + saferForm;
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 100 ? sql : sql.substring(0, 97) + "...";
    }
}
