package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs every lint rule over the upgrade statements of revisions. */
public final class Linter {
    private static final Pattern CREATE_TABLE =
            Pattern.compile("^CREATE TABLE (?:IF NOT EXISTS )?" + LintRule.NAME, Pattern.CASE_INSENSITIVE);

    private final List<LintRule> rules = List.of(new DropTableRule(), new DropColumnRule(), new NarrowingTypeRule(),
            new NotNullWithoutDefaultRule(), new IndexWithoutConcurrentlyRule(), new ForeignKeyWithoutNotValidRule(),
            new RenameRule());

    /**
     * The findings of one revision. Steps on a table the same revision creates are left out: a new table is empty
     * and no running code uses it yet.
     */
    public List<LintFinding> lint(CompiledRevision revision) {
        Set<String> created = new HashSet<>();
        List<LintFinding> findings = new ArrayList<>();
        for (String sql : revision.upgrade()) {
            Matcher create = CREATE_TABLE.matcher(sql.strip());
            if (create.find()) {
                created.add(LintRule.unquote(create.group(1)));
            }
            for (LintRule rule : rules) {
                Optional<LintFinding> finding = rule.inspect(revision.file(), sql);
                finding.filter(found -> !created.contains(found.table())).ifPresent(findings::add);
            }
        }
        return findings;
    }

    public List<LintFinding> lint(List<CompiledRevision> revisions) {
        return revisions.stream().flatMap(revision -> lint(revision).stream()).toList();
    }
}
