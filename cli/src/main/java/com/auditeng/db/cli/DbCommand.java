package com.auditeng.db.cli;

import com.auditeng.db.schema.ScratchServer;
import com.auditeng.db.autogen.ScratchRevisions;
import com.auditeng.db.ExitCode;
import com.auditeng.db.UsageException;
import com.auditeng.db.config.Settings;
import com.auditeng.db.fleet.Fleet;
import com.auditeng.db.fleet.Rollout;
import com.auditeng.db.fleet.RolloutPolicy;
import com.auditeng.db.fleet.RolloutReport;
import com.auditeng.db.migrate.Migration;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RunListener;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.Revisions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** {@code auditeng db}: the schema commands, modelled on Alembic's verbs. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Inspect and migrate the AuditEng schema.")   // subcommands: see Subcommands
final class DbCommand implements Runnable {
    @ParentCommand
    private AuditengCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new UsageException("no db command given; try 'auditeng db current', or 'auditeng db --help'");
    }

    MigrationRunner runner() {
        return root.workspace().runner();
    }

    Settings settings() {
        return root.workspace().settings();
    }

    Revisions revisions() {
        return root.workspace().revisions();
    }

    RevisionCompiler compiler() {
        return root.workspace().compiler();
    }

    /** The server scratch databases are made on: --scratch-url's, else the embedded one; never DATABASE_URL's. */
    ScratchServer scratchServer() {
        Settings settings = settings();
        return settings.scratchServer().map(server -> ScratchServer.at(server, notes()))
                .orElseGet(() -> ScratchServer.embedded(settings.home(), settings.lockTimeout(), settings.embeddedIdle(),
                        notes()));
    }

    /** The revisions, run on scratch databases of {@code server}. */
    ScratchRevisions scratchRevisions(ScratchServer server) {
        return new ScratchRevisions(server, revisions(), compiler());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Notes and progress: stderr, or nowhere under --quiet. */
    PrintWriter notes() {
        return root.workspace().notes();
    }

    /**
     * Runs an upgrade or downgrade: progress and lock waits on stderr, then on stdout each revision done, or with
     * {@code json} one document of them (docs/json-output.md).
     */
    int migrate(String verb, boolean json, Migration migration) {
        MigrationRunner runner = runner();
        RunReport report = new RunReport();
        PrintWriter results = json ? new PrintWriter(Writer.nullWriter()) : out();
        List<RevisionFile> done;
        try (ProgressPrinter progress = new ProgressPrinter(verb.replaceAll("e$", "") + "ing", results, notes(), err(),
                root.workspace().settings().terminal())) {
            done = migration.run(runner, RunListener.both(progress, report), err());
        }
        if (done.isEmpty()) {
            notes().println("note: nothing to " + verb + "; the database is at "
                    + report.current().map(Object::toString).orElse("base"));
        }
        if (json) {
            JsonOutput.print(out(), report.document());
        }
        return ExitCode.OK.number();
    }

    /**
     * Runs an upgrade or downgrade on every target of {@code options}, then prints the report: a table, or with
     * {@code json} one document. Exits with the most serious target's code.
     */
    int rollOut(String verb, String goal, RolloutOptions options, boolean json, Migration migration) {
        RolloutPolicy policy = options.policy();
        RolloutReport report = rollout().migrate(fleet(options.targets), policy, migration);
        if (json) {
            JsonOutput.print(out(), FleetReport.document(verb, goal, report));
        } else {
            FleetReport.printTable(out(), report);
        }
        return report.exitCode().number();
    }

    /** The databases --targets lists, or --targets-query finds on the control database (DATABASE_URL's). */
    Fleet fleet(TargetsOption targets) {
        return targets.file != null ? Fleet.read(targets.file)
                : Fleet.query(root.workspace().connector(), targets.query);
    }

    Rollout rollout() {
        return new Rollout(revisions(), compiler(), settings().locks(), notes(), err());
    }
}
