package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Print the applied revision: NNNN (head) at head, NNNN below it, nothing when none is applied.")
final class CurrentCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Option(names = "--json", description = "Print {\"current\": \"NNNN\"|null, \"head\": \"NNNN\"|null, \"at_head\": bool}.")
    private boolean json;

    @Override
    public Integer call() {
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
        current.ifPresent(id -> db.out().println(id + (runner.revisions().isHead(id) ? " (head)" : "")));
        return ExitCode.OK.number();
    }
}
