package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.UsageException;
import com.auditeng.db.migrate.Migration;
import com.auditeng.db.migrate.OfflineScript;
import com.auditeng.db.migrate.Target;
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

    @Option(names = "--sql", description = "Print the SQL instead of running it; connects to no database.")
    private boolean sql;

    @Option(names = "--allow-data-loss", description = "Drop tables and columns, and narrow columns, even when "
            + "rows hold values that would be lost.")
    private boolean allowDataLoss;

    @Option(names = "--json", description = "Print one JSON document: {\"revisions\": [{\"id\", \"message\", \"file\", "
            + "\"duration_ms\", \"lock_retries\": [...]}], \"current\": \"NNNN\" or null}; with --targets the report, "
            + "{\"targets\": [{\"target\", \"before\", \"after\", \"duration_ms\", \"outcome\", \"error\", ...}], "
            + "\"counts\", \"exit_code\", ...} (docs/json-output.md).")
    private boolean json;

    @Mixin
    private RolloutOptions rollout;

    @Override
    public Integer call() {
        if (rollout.isGiven() && sql) {
            throw new UsageException("--sql prints the SQL for no database; leave out --targets");
        }
        if (sql) {
            db.out().print(new OfflineScript(db.revisions(), db.compiler()).downgrade(target));
            return ExitCode.OK.number();
        }
        Target to = Target.parse(target);
        Migration downgrade = (runner, listener, warnings) ->
                runner.downgrade(to, listener, new DataLossGuard(allowDataLoss));
        return rollout.isGiven() ? db.rollOut("downgrade", target, rollout, json, downgrade)
                : db.migrate("downgrade", json, downgrade);
    }
}
