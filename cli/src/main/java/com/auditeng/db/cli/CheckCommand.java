package com.auditeng.db.cli;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.ExitCode;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.autogen.Change;
import com.auditeng.db.autogen.RevisionPlanner;
import com.auditeng.db.schema.ModelSchema;
import com.auditeng.db.schema.ScratchServer;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.config.Settings;
import com.auditeng.db.migrate.HeadMarker;
import com.auditeng.db.migrate.MigrationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compare the entities with the schema the revisions build on a scratch database (never the "
                + "DATABASE_URL one); prints nothing when they match, else one difference a line and exits 1.",
                "With DATABASE_URL (or --database-url) set, also reports revisions applied there whose files were "
                        + "edited since; when that database cannot be reached, says so and checks the rest."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Mixin
    private ModelOption model;

    @Option(names = "--json", description = "Print {\"clean\": bool, \"differences\": [{\"table\", \"difference\"}], "
            + "\"edited_revisions\": \"...\" or null}.")
    private boolean json;

    @Override
    public Integer call() {
        Supplier<ModelSchema> entities = model.readInBackground();
        Settings settings = db.settings();
        List<Change> differences;
        Optional<String> edited;
        try (ScratchServer server = db.scratchServer()) {
            differences = new RevisionPlanner(db.scratchRevisions(server), entities).differences();
            edited = editedRevisions(settings.databaseUrl());
        }
        Optional<String> marker = settings.migrations().flatMap(folder -> HeadMarker.disagreement(folder, db.revisions()));
        boolean clean = differences.isEmpty() && edited.isEmpty() && marker.isEmpty();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("clean", clean);
            document.put("differences", differences.stream().map(change -> Map.of("table", change.table(),
                    "difference", change.describe("the revisions", "the model"))).toList());
            document.put("edited_revisions", edited.orElse(null));
            document.put("head_marker", marker.orElse(null));
            JsonOutput.print(db.out(), document);
            return clean ? ExitCode.OK.number() : ExitCode.PROBLEM_FOUND.number();
        }
        differences.forEach(change -> db.out().println(change.describe("the revisions", "the model")));
        if (edited.isPresent()) {
            throw new ProblemFoundException(edited.get());
        }
        if (marker.isPresent()) {
            throw new ProblemFoundException(marker.get());
        }
        if (!differences.isEmpty()) {
            throw new ProblemFoundException(differences.size() + " difference(s) between the entities and the "
                    + "revisions; write a revision for them with 'db revision --autogenerate -m MESSAGE'");
        }
        return ExitCode.OK.number();
    }

    /**
     * Applied revisions whose files were edited since. Only a database named by the user is asked: the embedded one
     * may have been built from another migrations folder.
     */
    private Optional<String> editedRevisions(Optional<DatabaseUrl> applied) {
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        MigrationRunner runner = new MigrationRunner(new DatabaseConnector(applied.get()), db.revisions(),
                db.compiler(), db.settings().lockTimeout(), db.notes());
        try {
            return runner.edits();
        } catch (ConfigurationException e) {
            db.notes().println("note: applied revisions not compared with their files: " + e.getMessage());
            return Optional.empty();
        }
    }
}
