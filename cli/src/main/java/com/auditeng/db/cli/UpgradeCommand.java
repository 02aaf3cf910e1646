package com.auditeng.db.cli;

import com.auditeng.db.migrate.OfflineScript;
import com.auditeng.db.migrate.Phase;
import com.auditeng.db.safety.UpgradeGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Apply revisions up to TARGET, each in one transaction; prints each revision applied.",
                "Before running, lints the revisions: a destructive step (drop, narrowing type change) that would lose "
                        + "values held in rows stops the upgrade unless --allow-data-loss, a step sure to fail on rows "
                        + "stops it always; other findings on tables with rows are warnings.",
                "With --targets FILE (or --targets-query SQL): every database listed is brought to TARGET, each as "
                        + "above under its own migration lock; the --canary targets first, the others only once they "
                        + "succeeded, --parallel at once, none started after --max-failures failed. A target already "
                        + "at TARGET is reported 'already-at-goal', so a rerun resumes an interrupted rollout. "
                        + "Progress on stderr, a report on stdout (a table, or --json); exit 4 when a target's "
                        + "migration failed, 1 when a check refused one, 3 when one could not be reached or FILE is "
                        + "unreadable, empty or holds a bad URL."})
final class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    private DbCommand db;

    @Parameters(paramLabel = "TARGET", arity = "0..1", defaultValue = "head",
            description = "head (default), a revision NNNN, or +N revisions above the current one; "
                    + "with --sql also FROM:TO (FROM defaults to base).")
    private String target;

    @Option(names = "--allow-data-loss", description = "Run destructive steps even on tables that hold rows.")
    private boolean allowDataLoss;

    @Option(names = "--phase", paramLabel = "expand|contract",
            description = "expand: apply pending revisions up to the first contract one, so that the previous application "
                    + "version keeps working (before a rolling deploy); contract: all of them (the default, once no "
                    + "instance of the previous version runs).")
    private String phase;

    @Mixin
    private MigrationOptions options;

    @Override
    public Integer call() {
        return options.run(db, "upgrade", target, OfflineScript::upgrade, to -> {
            Phase upTo = phase == null ? Phase.CONTRACT : Phase.parse(phase);
            return (runner, listener, warnings) ->
                    runner.upgrade(to, listener, new UpgradeGuard(allowDataLoss, "--allow-data-loss", warnings), upTo);
        });
    }
}
