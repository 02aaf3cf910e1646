package com.auditeng.db.cli;

import com.auditeng.db.migrate.OfflineScript;
import com.auditeng.db.safety.DataLossGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = {"Revert revisions down to TARGET, newest first, each in one transaction; prints each revision reverted.",
                "Refuses, changing nothing, when it would drop a table or column holding rows or narrow a column "
                        + "below the values it holds (naming each with its row count), unless --allow-data-loss; "
                        + "and, always, when a rollback would add a NOT NULL column without a default to a table "
                        + "with rows.",
                "With --targets FILE (or --targets-query SQL): every database listed is brought down to TARGET the "
                        + "same way, as upgrade --targets does (canary, parallel, failure budget, report)."})
final class DowngradeCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "TARGET",
            description = "base (no revision), a revision NNNN to stay at, or -N revisions below the current one; "
                    + "with --sql also FROM:TO (FROM defaults to head).")
    private String target;

    @Option(names = "--allow-data-loss", description = "Drop tables and columns, and narrow columns, even when "
            + "rows hold values that would be lost.")
    private boolean allowDataLoss;

    @Mixin
    private MigrationOptions options;

    @Override
    public Integer call() {
        return options.run(db, "downgrade", target, OfflineScript::downgrade, to ->
                (runner, listener, warnings) -> runner.downgrade(to, listener, new DataLossGuard(allowDataLoss)));
    }
}
