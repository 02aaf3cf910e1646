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
import java.util.concurrent.Callable;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check revisions for destructive and lock-heavy steps; needs no database.",
                "Rules: drop-table, drop-column, narrowing-type, not-null-without-default, index-concurrently, "
                        + "foreign-key-not-valid, rename. Prints one finding a line (rule, revision, statement, safer "
                        + "form) and exits 1 when there is any. Steps on a table the same revision creates are not reported."})
final class LintCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "NNNN", arity = "0..1", description = "Lint only this revision (default: all).")
    private String revision;

    @Option(names = "--json", description = "Print {\"findings\": [{\"rule\", \"revision\", \"file\", \"table\", "
            + "\"column\", \"statement\", \"problem\", \"safer_form\", \"destructive\"}]}.")
    private boolean json;

    @Override
    public Integer call() {
        List<RevisionFile> files = revision == null ? db.revisions().all()
                : List.of(db.revisions().get(RevisionId.parse(revision)));
        Linter linter = new Linter();
        List<LintFinding> findings = files.stream()
                .flatMap(file -> linter.lint(db.compiler().compile(file)).stream())
                .toList();
        if (json) {
            JsonOutput.print(db.out(), Map.of("findings", findings.stream().map(LintCommand::document).toList()));
        } else {
            findings.forEach(finding -> db.out().println(finding.line()));
        }
        return findings.isEmpty() ? ExitCode.OK.number() : ExitCode.PROBLEM_FOUND.number();
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
        return document;
    }
}
