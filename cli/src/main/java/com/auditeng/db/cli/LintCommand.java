package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.safety.LintFinding;
import com.auditeng.db.safety.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check revisions for destructive and lock-heavy steps; needs no database.",
                "Rules: drop-table, drop-column, narrowing-type, type-rewrite, not-null-without-default, "
                        + "volatile-default, index-concurrently, drop-index-concurrently, reindex-concurrently, "
                        + "concurrently-in-transaction, foreign-key-not-valid, check-not-valid, "
                        + "validate-same-transaction, set-not-null, unique-constraint, rename "
                        + "(docs/writing-revisions.md). Prints one finding a line (rule, revision, statement, lock, "
                        + "safer form) and exits 1 when there is any. Steps on a table the same revision creates are "
                        + "not reported. A change set whose comment says "
                        + "'lint-accept: <rule> <reason>' accepts that rule's findings: they print as 'accepted: ...' "
                        + "and do not count."})
final class LintCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "NNNN", arity = "0..1", description = "Lint only this revision (default: all).")
    private String revision;

    @Option(names = "--json", description = "Print {\"findings\": [{\"rule\", \"revision\", \"file\", \"table\", "
            + "\"column\", \"statement\", \"problem\", \"safer_form\", \"destructive\", \"accepted\"}]}; accepted is "
            + "the reason a revision gives, or null.")
    private boolean json;

    @Override
    public Integer call() {
        List<RevisionFile> all = db.revisions().all();
        // the revisions before the one asked for are read too, for the column types they build; only its findings show
        Optional<RevisionFile> only = Optional.ofNullable(revision)
                .map(id -> db.revisions().get(RevisionId.parse(id)));
        List<RevisionFile> read = only.map(file -> all.subList(0, all.indexOf(file) + 1)).orElse(all);
        List<LintFinding> findings = new Linter().lint(read.stream().map(db.compiler()::compile).toList()).stream()
                .filter(finding -> only.isEmpty() || finding.revision().equals(only.get()))
                .toList();
        if (json) {
            JsonOutput.print(db.out(), Map.of("findings", findings.stream().map(LintCommand::document).toList()));
        } else {
            findings.forEach(finding -> db.out().println(finding.line()));
        }
        boolean allAccepted = findings.stream().allMatch(LintFinding::isAccepted);
        return allAccepted ? ExitCode.OK.number() : ExitCode.PROBLEM_FOUND.number();
    }

    private static Map<String, Object> document(LintFinding finding) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("rule", finding.rule().id());
        document.put("revision", finding.revision().id().toString());
        document.put("file", finding.revision().fileName());
        document.put("table", finding.table());
        document.put("column", finding.column().orElse(null));
        document.put("statement", finding.statement());
        document.put("problem", finding.problem());
        document.put("safer_form", finding.saferForm());
        document.put("destructive", finding.isDestructive());
        document.put("accepted", finding.acceptedBecause().orElse(null));
        return document;
    }
}
