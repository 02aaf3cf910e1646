package com.auditeng.db.safety;

import com.auditeng.db.migrate.RevisionFile;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A check of one SQL statement for a destructive or lock-heavy step. Rules read the SQL that revisions compile to,
 * so they see hand-written {@code sql:} changes as well as Liquibase's own.
 */
public abstract class LintRule {
    /** A table or column name, optionally quoted and schema-qualified. */
    protected static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";

    private final String id;
    private final boolean destructive;
    private final Pattern pattern;

    protected LintRule(String id, boolean destructive, String regex) {
        this.id = id;
        this.destructive = destructive;
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    public String id() {
        return id;
    }

    /** Whether the step can lose data: such findings stop an upgrade on a table with rows. */
    public boolean isDestructive() {
        return destructive;
    }

    public Optional<LintFinding> inspect(RevisionFile revision, String sql) {
        String statement = sql.replaceAll("\\s+", " ").strip();
        Matcher matcher = pattern.matcher(statement);
        if (!matcher.find() || !applies(statement, matcher)) {
            return Optional.empty();
        }
        String table = unquote(matcher.group(1));
        Optional<String> column = matcher.groupCount() >= 2 && matcher.group(2) != null
                ? Optional.of(unquote(matcher.group(2))) : Optional.empty();
        return Optional.of(new LintFinding(this, revision, statement, table, column,
                problem(table, column), saferForm()));
    }

    /** A second look at a matching statement, for rules whose safe form differs by a clause. */
    protected boolean applies(String statement, Matcher matcher) {
        return true;
    }

    protected abstract String problem(String table, Optional<String> column);

    protected abstract String saferForm();

    static String unquote(String name) {
        String last = name.contains(".") && !name.endsWith("\"") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return last.replace("\"", "");
    }
}
