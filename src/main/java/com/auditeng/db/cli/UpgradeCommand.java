package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.OfflineScript;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Target;
import com.auditeng.db.safety.UpgradeGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Apply revisions up to TARGET, each in one transaction; prints each revision applied.",
                "Before running, lints the revisions: a destructive step (drop, narrowing type change) that would lose "
                        + "values held in rows stops the upgrade unless --allow-data-loss, a step sure to fail on rows "
                        + "stops it always; other findings on tables with rows are warnings."})
final class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "head",
            description = "head (default), a revision NNNN, or +N revisions above the current one; "
                    + "with --sql also FROM:TO (FROM defaults to base).")
    private String target;

    @Option(names = "--sql", description = "Print the SQL instead of running it; connects to no database.")
    private boolean sql;

    @Option(names = "--allow-data-loss", description = "Run destructive steps even on tables that hold rows.")
    private boolean allowDataLoss;

    @Override
    public Integer call() {
        if (sql) {
            db.out().print(new OfflineScript(db.revisions(), db.compiler()).upgrade(target));
            return ExitCode.OK.number();
        }
        Target to = Target.parse(target);
        MigrationRunner runner = db.runner();
        List<RevisionFile> applied;
        try (ProgressPrinter progress = db.progress("upgrading")) {
            applied = runner.upgrade(to, progress,
                new UpgradeGuard(allowDataLoss, "--allow-data-loss", db.err()));
        }
        if (applied.isEmpty()) {
            db.notes().println("note: nothing to upgrade; the database is at "
                    + runner.current().map(Object::toString).orElse("base"));
        }
        return ExitCode.OK.number();
    }
}
