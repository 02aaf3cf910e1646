package com.auditeng.db.cli;

import com.auditeng.db.UsageException;
import com.auditeng.db.fleet.RolloutPolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;

/** The targets of an upgrade or downgrade and how the rollout goes through them. */
final class RolloutOptions {
    @Mixin
    TargetsOption targets;

    @Option(names = "--canary", paramLabel = "K",
            description = "With --targets: the first K targets migrate first, and the others start only once all of "
                    + "them succeeded; when one fails the others are skipped, untouched (default: 1; 0: no canary).")
    Integer canary;

    @Option(names = "--max-failures", paramLabel = "K",
            description = "With --targets: once K targets failed no new one starts; the rest are reported skipped "
                    + "(default: every target is tried).")
    Integer maxFailures;

    /** Whether targets are named; refuses --canary and --max-failures without them, as {@link TargetsOption} does. */
    boolean isGiven() {
        boolean given = targets.isGiven();
        if (!given && (canary != null || maxFailures != null)) {
            throw new UsageException((canary != null ? "--canary" : "--max-failures")
                    + " needs --targets FILE or --targets-query SQL");
        }
        return given;
    }

    RolloutPolicy policy() {
        return new RolloutPolicy(targets.parallel(), canary == null ? 1 : canary, Optional.ofNullable(maxFailures));
    }
}
