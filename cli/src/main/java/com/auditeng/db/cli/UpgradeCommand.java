package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.OfflineScript;
import com.auditeng.db.migrate.Phase;
import com.auditeng.db.migrate.Target;
import com.auditeng.db.safety.UpgradeGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

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

    @Option(names = "--phase", paramLabel = "expand|contract",
            description = "expand: apply pending revisions up to the first contract one, so that the previous application "
                    + "version keeps working (before a rolling deploy); contract: all of them (the default, once no "
                    + "instance of the previous version runs).")
    private String phase;

    @Option(names = "--json", description = "Print one JSON document: {\"revisions\": [{\"id\", \"message\", \"file\", "
            + "\"duration_ms\", \"lock_retries\": [...]}], \"current\": \"NNNN\" or null} (docs/json-output.md).")
    private boolean json;

    @Override
    public Integer call() {
        if (sql) {
            db.out().print(new OfflineScript(db.revisions(), db.compiler()).upgrade(target));
            return ExitCode.OK.number();
        }
        Target to = Target.parse(target);
        Phase upTo = phase == null ? Phase.CONTRACT : Phase.parse(phase);
        return db.migrate("upgrade", json, (runner, listener) ->
                runner.upgrade(to, listener, new UpgradeGuard(allowDataLoss, "--allow-data-loss", db.err()), upTo));
    }
}
