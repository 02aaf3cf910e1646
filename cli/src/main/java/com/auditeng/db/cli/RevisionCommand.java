package com.auditeng.db.cli;

import java.util.function.Supplier;
import com.auditeng.db.schema.ModelSchema;
import com.auditeng.db.autogen.ScratchRevisions;
import com.auditeng.db.ConfigurationException;
import com.auditeng.db.ExitCode;
import com.auditeng.db.UsageException;
import com.auditeng.db.autogen.LikelyRename;
import com.auditeng.db.autogen.RenameHint;
import com.auditeng.db.autogen.RevisionPlan;
import com.auditeng.db.autogen.RollingPlan;
import com.auditeng.db.autogen.RollingWriter;
import com.auditeng.db.autogen.RevisionPlanner;
import com.auditeng.db.autogen.RevisionWriter;
import com.auditeng.db.schema.ScratchServer;
import com.auditeng.db.config.Settings;
import com.auditeng.db.migrate.HeadMarker;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.safety.Linter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "revision", mixinStandardHelpOptions = true,
        description = "Write the next revision NNNN_<slug>.yaml into the migrations folder and print its path: "
                + "an empty template, or with --autogenerate the changes from the revisions' schema to the entities.")
final class RevisionCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG",
            description = "What the revision does; its words name the file.")
    private String message;

    @Option(names = "--autogenerate",
            description = "Compare the entities with the schema the revisions build (on a scratch database) and write "
                    + "the difference, each change with its rollback.")
    private boolean autogenerate;

    @Option(names = "--rename", paramLabel = "TABLE.OLD=NEW|OLD=NEW",
            description = "Make a dropped and an added column (TABLE.OLD=NEW) or table (OLD=NEW) one rename, which "
                    + "keeps the data; repeatable.")
    private List<String> renames = new ArrayList<>();

    @Mixin
    private ModelOption model;

    @Override
    public Integer call() {
        Settings settings = db.settings();
        Path folder = settings.migrations().orElseThrow(() -> new ConfigurationException("db revision writes into the "
                + "migrations folder, and none is set; pass --migrations DIR or set AUDITENG_MIGRATIONS "
                + "(./auditeng sets it to migrate/src/main/resources/db/migrations)"));
        Revisions revisions = Revisions.load(folder);
        RevisionWriter writer = new RevisionWriter(folder, revisions);
        RevisionWriter.fileName(writer.nextId(), message);   // refuses a message with no words before any work
        List<RenameHint> hints = renames.stream().map(RenameHint::parse).toList();
        if (!autogenerate) {
            if (!hints.isEmpty()) {
                throw new UsageException("--rename only applies with --autogenerate; add --autogenerate");
            }
            db.out().println(writer.writeTemplate(message));
            HeadMarker.write(folder, Revisions.load(folder).head().orElseThrow());
            return ExitCode.OK.number();
        }
        RevisionPlan plan;
        Supplier<ModelSchema> entities = model.readInBackground();
        try (ScratchServer server = db.scratchServer()) {
            plan = new RevisionPlanner(new ScratchRevisions(server, revisions, db.compiler()), entities).plan(hints);
        }
        if (plan.isEmpty()) {
            db.notes().println("note: the entities match the schema the revisions build; no revision written");
            return ExitCode.OK.number();
        }
        for (LikelyRename rename : plan.likelyRenames()) {
            db.err().println("warning: " + rename.describe());
        }
        RollingPlan rolling = RollingPlan.of(plan);
        List<RollingWriter.Written> revisionsWritten = new RollingWriter(folder).write(message, rolling);
        List<Path> written = revisionsWritten.stream().map(RollingWriter.Written::file).toList();
        // one expand revision needs no word: it is what a revision always was
        if (written.size() > 1 || rolling.expand().isEmpty()) {
            revisionsWritten.forEach(each -> db.notes().println("note: " + each.file().getFileName() + " " + each.why()));
        }
        rolling.notes().forEach(note -> db.notes().println("note: " + note));
        Path destructiveIn = written.get(written.size() - 1);   // destructive steps are contract steps: the last file
        plan.changes().forEach(change -> change.destructive().ifPresent(reason -> db.err().println(
                "warning: " + destructiveIn.getFileName() + " " + reason + " (marked DESTRUCTIVE in the file)")));
        written.forEach(db.out()::println);
        HeadMarker.write(folder, Revisions.load(folder).head().orElseThrow());
        // the revisions before are read too, so that a type change is judged against the type they built
        List<RevisionFile> all = Revisions.load(folder).all();
        new Linter().lint(all.stream().map(db.compiler()::compile).toList()).stream()
                .filter(finding -> written.stream().anyMatch(path -> path.getFileName().toString()
                        .equals(finding.revision().fileName())))
                .forEach(finding -> db.err().println((finding.isAccepted() ? "note: " : "warning: ") + finding.line()));
        return ExitCode.OK.number();
    }
}
