package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.fleet.RolloutReport;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.Revisions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "current", mixinStandardHelpOptions = true,
        description = {"Print the applied revision: NNNN (head) at head, NNNN below it, NNNN (ahead of head MMMM) "
                + "when a newer version's expand revisions are applied, nothing when none is applied.",
                "With --targets: a table of each target's revision; exit 1 unless all stand at head."})
final class CurrentCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Option(names = "--json", description = "Print {\"current\": \"NNNN\"|null, \"head\": \"NNNN\"|null, "
            + "\"at_head\": bool}; with --targets the fleet report (docs/json-output.md).")
    private boolean json;

    @Mixin
    private TargetsOption targets;

    @Override
    public Integer call() {
        if (targets.isGiven()) {
            return fleet();
        }
        MigrationRunner runner = db.runner();
        Optional<RevisionId> current = runner.current();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("current", current.map(Object::toString).orElse(null));
            document.put("head", runner.revisions().head().map(head -> head.id().toString()).orElse(null));
            document.put("at_head", current.map(id -> runner.revisions().isHead(id)).orElse(runner.revisions().isEmpty()));
            JsonOutput.print(db.out(), document);
            return ExitCode.OK.number();
        }
        current.ifPresent(id -> db.out().println(id + standing(id, runner.revisions())));
        return ExitCode.OK.number();
    }

    private static String standing(RevisionId current, Revisions revisions) {
        Optional<RevisionId> head = revisions.head().map(RevisionFile::id);
        if (head.isEmpty() || current.compareTo(head.get()) > 0) {
            return " (ahead of head " + head.map(Object::toString).orElse("(none)") + ")";
        }
        return current.equals(head.get()) ? " (head)" : "";
    }

    /** Each target's revision; like {@code db check}, exit 1 unless every target stands at head. */
    private int fleet() {
        RolloutReport report = db.rollout().read(db.fleet(targets), targets.parallel());
        Revisions revisions = db.revisions();
        String head = revisions.head().map(file -> file.id().toString()).orElse("base");
        if (json) {
            JsonOutput.print(db.out(), FleetReport.document("current", head, report));
        } else {
            FleetReport.printRevisions(db.out(), report, head::equals);
        }
        if (report.exitCode() != ExitCode.OK) {
            return report.exitCode().number();
        }
        Map<String, Long> standing = report.standing();
        if (!standing.keySet().equals(Set.of(head))) {
            throw new ProblemFoundException("the targets stand at different revisions or below head ("
                    + standing.entrySet().stream().map(entry -> entry.getValue() + " at " + entry.getKey()
                    + (entry.getKey().equals(head) ? " (head)" : "")).collect(Collectors.joining(", "))
                    + "); bring them to head with 'db upgrade --targets FILE'");
        }
        return ExitCode.OK.number();
    }
}
