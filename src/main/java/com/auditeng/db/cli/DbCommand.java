package com.auditeng.db.cli;

import com.auditeng.db.UsageException;
import com.auditeng.db.config.Settings;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.Revisions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/** {@code auditeng db}: the schema commands, modelled on Alembic's verbs. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Inspect and migrate the AuditEng schema.")   // subcommands: see DbSubcommands
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

    ProgressPrinter progress(String verb) {
        return new ProgressPrinter(verb, out(), notes(), err(), root.workspace().settings().terminal());
    }
}
