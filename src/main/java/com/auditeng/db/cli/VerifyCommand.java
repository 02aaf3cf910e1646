package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.autogen.RevisionVerifier;
import com.auditeng.db.autogen.RevisionVerifier.Failure;
import com.auditeng.db.autogen.ScratchServer;
import com.auditeng.db.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "On a scratch database, run every revision up, down to an identical catalog and up again, "
                + "then compare head with the entities; prints a line per revision, exits 1 at the first mismatch.")
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Mixin
    private ModelOption model;

    @Override
    public Integer call() {
        RevisionVerifier verifier;
        Settings settings = db.settings();
        Optional<Failure> failure;
        try (ScratchServer server = ScratchServer.embedded(settings.home(), settings.lockTimeout(), db.err())) {
            verifier = new RevisionVerifier(server, db.revisions(), model.readInBackground());
            failure = verifier.verify(
                    file -> db.out().println(file.id() + "  " + file.message() + ": up, down, up ok"));
        }
        if (failure.isEmpty()) {
            db.err().println("note: " + db.revisions().all().size() + " revision(s) verified; head matches the model");
            return ExitCode.OK.number();
        }
        Failure found = failure.get();
        String where = found.revision().map(file -> file.id() + "  " + file.message()).orElse("head");
        db.out().println(where + ": FAILED");
        found.differences().forEach(line -> db.out().println("  " + line));
        throw new ProblemFoundException(found.revision().map(file -> "revision " + file.fileName() + ": ").orElse("")
                + found.problem());
    }
}
