package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.Pending;
import com.auditeng.db.migrate.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Pending pending = runner.pending();
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < pending.revisions().size(); i++) {
            CompiledRevision revision = pending.revisions().get(i);
            Phase step = pending.stepOf(i);
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
            document.put("current", pending.current().map(Object::toString).orElse(null));
            document.put("head", runner.revisions().head().map(head -> head.id().toString()).orElse(null));
            document.put("pending", steps);
            JsonOutput.print(db.out(), document);
        }
        String at = pending.current().map(Object::toString).orElse("base");
        int expanding = pending.expanding();
        db.notes().println(pending.revisions().isEmpty() ? "note: nothing pending; the database is at " + at
                : "note: at " + at + "; 'db upgrade --phase expand' applies " + expanding + " revision(s), "
                        + "then 'db upgrade' " + (pending.revisions().size() - expanding) + " more");
        return ExitCode.OK.number();
    }
}
