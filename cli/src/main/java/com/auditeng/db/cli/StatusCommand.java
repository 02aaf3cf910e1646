package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.Phase;
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

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show what is pending, step by step of a rolling deploy: 'NNNN  message (expand)' for the "
                + "revisions 'db upgrade --phase expand' applies, '(contract)' for the rest, which 'db upgrade' "
                + "applies once no instance of the previous version runs. Prints nothing when nothing is pending."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Option(names = "--json", description = "Print {\"current\": \"NNNN\"|null, \"head\": \"NNNN\"|null, "
            + "\"pending\": [{\"id\", \"message\", \"phase\", \"step\"}]}; step is the upgrade that applies it: "
            + "expand or contract.")
    private boolean json;

    @Override
    public Integer call() {
        MigrationRunner runner = db.runner();
        Optional<RevisionId> current = runner.current();
        List<CompiledRevision> pending = runner.pending();
        List<Map<String, Object>> steps = new ArrayList<>();
        Phase step = Phase.EXPAND;
        int expanding = 0;
        for (CompiledRevision revision : pending) {
            if (revision.phase() == Phase.CONTRACT) {
                step = Phase.CONTRACT;   // from the first contract revision on, all wait for the contract step
            }
            expanding += step == Phase.EXPAND ? 1 : 0;
            if (json) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", revision.id().toString());
                entry.put("message", revision.file().message());
                entry.put("phase", revision.phase().label());
                entry.put("step", step.label());
                steps.add(entry);
            } else {
                db.out().println(revision.id() + "  " + revision.file().message() + " (" + step.label() + ")");
            }
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("current", current.map(Object::toString).orElse(null));
            document.put("head", runner.revisions().head().map(head -> head.id().toString()).orElse(null));
            document.put("pending", steps);
            JsonOutput.print(db.out(), document);
        }
        String at = current.map(Object::toString).orElse("base");
        db.notes().println(pending.isEmpty() ? "note: nothing pending; the database is at " + at
                : "note: at " + at + "; 'db upgrade --phase expand' applies " + expanding + " revision(s), "
                        + "then 'db upgrade' " + (pending.size() - expanding) + " more");
        return ExitCode.OK.number();
    }
}
