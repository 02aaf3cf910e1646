package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.autogen.Change;
import com.auditeng.db.autogen.RevisionPlanner;
import com.auditeng.db.autogen.SchemaSnapshot;
import com.auditeng.db.autogen.ScratchServer;
import com.auditeng.db.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare the entities with the schema the revisions build on a scratch database (never the "
                + "DATABASE_URL one); prints nothing when they match, else one difference a line and exits 1.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Mixin
    private ModelOption model;

    @Override
    public Integer call() {
        Supplier<SchemaSnapshot> entities = model.readInBackground();
        Settings settings = db.settings();
        List<Change> differences;
        try (ScratchServer server = ScratchServer.embedded(settings.home(), settings.lockTimeout(), db.err())) {
            differences = new RevisionPlanner(server, db.revisions(), entities).differences();
        }
        if (differences.isEmpty()) {
            return ExitCode.OK.number();
        }
        differences.forEach(change -> db.out().println(change.describe("the revisions", "the model")));
        throw new ProblemFoundException(differences.size() + " difference(s) between the entities and the revisions; "
                + "write a revision for them with 'db revision --autogenerate -m MESSAGE'");
    }
}
