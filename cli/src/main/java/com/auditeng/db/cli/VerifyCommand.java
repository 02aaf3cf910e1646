package com.auditeng.db.cli;

import java.util.function.Supplier;
import com.auditeng.db.schema.ModelSchema;
import com.auditeng.db.ExitCode;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.autogen.RevisionVerifier;
import com.auditeng.db.autogen.RevisionVerifier.Failure;
import com.auditeng.db.schema.ScratchDatabase;
import com.auditeng.db.schema.ScratchServer;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.Settings;
import com.auditeng.db.safety.LockProblem;
import com.auditeng.db.safety.LockTracer;
import com.auditeng.db.safety.RevisionTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "On a scratch database, run every revision up, down to an identical catalog and up again, "
                + "then compare head with the entities; prints a line per revision, exits 1 at the first mismatch. "
                + "With --locks: the locks each statement takes on tables with rows, instead.")
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Mixin
    private ModelOption model;

    @Option(names = "--json", description = "Print {\"ok\": bool, \"revisions\": [{\"id\", \"message\", \"status\"}], "
            + "\"failure\": null or {\"revision\", \"problem\", \"differences\"}}.")
    private boolean json;

    @Option(names = "--locks", description = "Instead of up, down, up: on a scratch database whose tables get "
            + LockTracer.ROWS_PER_TABLE + " generated rows each, run every revision's upgrade as the runner would and "
            + "print per statement the locks its transaction holds, the relations it rewrote and how long ACCESS "
            + "EXCLUSIVE stays held; exit 1 when ACCESS EXCLUSIVE is held while a later statement scans or rewrites "
            + "a table. With --json: {\"ok\", \"revisions\": [{\"id\", \"message\", \"statements\", "
            + "\"problems\"}]} (docs/json-output.md).")
    private boolean locks;

    @Override
    public Integer call() {
        if (locks) {
            return traceLocks();
        }
        RevisionVerifier verifier;
        Settings settings = db.settings();
        Optional<Failure> failure;
        List<Map<String, Object>> verified = new ArrayList<>();
        Supplier<ModelSchema> entities = model.readInBackground();
        try (ScratchServer server = db.scratchServer()) {
            verifier = new RevisionVerifier(db.scratchRevisions(server), entities);
            failure = verifier.verify(file -> {
                if (json) {
                    verified.add(Map.of("id", file.id().toString(), "message", file.message(), "status", "ok"));
                } else {
                    db.out().println(file.id() + "  " + file.message() + ": up, down, up ok");
                }
            });
        }
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("ok", failure.isEmpty());
            document.put("revisions", verified);
            document.put("failure", failure.map(found -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("revision", found.revision().map(file -> file.id().toString()).orElse(null));
                details.put("problem", found.problem());
                details.put("differences", found.differences());
                return details;
            }).orElse(null));
            JsonOutput.print(db.out(), document);
            return failure.isEmpty() ? ExitCode.OK.number() : ExitCode.PROBLEM_FOUND.number();
        }
        if (failure.isEmpty()) {
            db.notes().println("note: " + db.revisions().all().size() + " revision(s) verified; head matches the model");
            return ExitCode.OK.number();
        }
        Failure found = failure.get();
        String where = found.revision().map(file -> file.id() + "  " + file.message()).orElse("head");
        db.out().println(where + ": FAILED");
        found.differences().forEach(line -> db.out().println("  " + line));
        throw new ProblemFoundException(found.revision().map(file -> "revision " + file.fileName() + ": ").orElse("")
                + found.problem());
    }

    private int traceLocks() {
        Settings settings = db.settings();
        LockTracePrinter printer = new LockTracePrinter(db.out(), json);
        List<RevisionTrace> traces;
        try (ScratchServer server = db.scratchServer();
             ScratchDatabase scratch = server.create()) {
            traces = new LockTracer(new DatabaseConnector(scratch.url()), db.compiler())
                    .trace(db.revisions(), printer::print);
        }
        boolean ok = printer.finish(LockTracer.ROWS_PER_TABLE);
        if (json) {
            return ok ? ExitCode.OK.number() : ExitCode.PROBLEM_FOUND.number();
        }
        List<LockProblem> problems = traces.stream().flatMap(trace -> trace.problems().stream()).toList();
        if (problems.isEmpty()) {
            db.notes().println("note: " + traces.size() + " revision(s) traced with up to "
                    + LockTracer.ROWS_PER_TABLE + " generated rows a table; no ACCESS EXCLUSIVE lock is held while "
                    + "a later statement scans or rewrites a table");
            return ExitCode.OK.number();
        }
        throw new ProblemFoundException(problems.get(0).message()
                + (problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more above)"));
    }
}
