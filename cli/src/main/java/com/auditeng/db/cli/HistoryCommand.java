package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.Phase;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the revisions oldest first, as 'NNNN  message', marking (contract) revisions, (current) and (head).")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Option(names = "--json", description = "Print {\"revisions\": [{\"id\", \"message\", \"file\", \"applied\", "
            + "\"phase\", \"current\", \"head\"}]}, oldest first.")
    private boolean json;

    @Override
    public Integer call() {
        MigrationRunner runner = db.runner();
        Optional<RevisionId> current = runner.current();
        List<Map<String, Object>> revisions = new ArrayList<>();
        for (RevisionFile file : runner.revisions().all()) {
            boolean isCurrent = current.isPresent() && current.get().equals(file.id());
            boolean isHead = runner.revisions().isHead(file.id());
            Phase phase = db.compiler().compile(file).phase();
            if (json) {
                Map<String, Object> revision = new LinkedHashMap<>();
                revision.put("id", file.id().toString());
                revision.put("message", file.message());
                revision.put("file", file.fileName());
                revision.put("applied", current.isPresent() && file.id().compareTo(current.get()) <= 0);
                revision.put("phase", phase.label());
                revision.put("current", isCurrent);
                revision.put("head", isHead);
                revisions.add(revision);
            } else {
                db.out().println(file.id() + "  " + file.message() + (phase == Phase.CONTRACT ? " (contract)" : "")
                        + (isCurrent ? " (current)" : "") + (isHead ? " (head)" : ""));
            }
        }
        if (json) {
            JsonOutput.print(db.out(), Map.of("revisions", revisions));
        }
        return ExitCode.OK.number();
    }
}
