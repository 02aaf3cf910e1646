package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.safety.LintFinding;
import com.auditeng.db.safety.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
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

    @Override
    public Integer call() {
        List<RevisionFile> files = revision == null ? db.revisions().all()
                : List.of(db.revisions().get(RevisionId.parse(revision)));
        Linter linter = new Linter();
        List<LintFinding> findings = files.stream()
                .flatMap(file -> linter.lint(db.compiler().compile(file)).stream())
                .toList();
        findings.forEach(finding -> db.out().println(finding.line()));
        return findings.isEmpty() ? ExitCode.OK.number() : ExitCode.PROBLEM_FOUND.number();
    }
}
