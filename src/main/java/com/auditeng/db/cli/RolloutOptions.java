package com.auditeng.db.cli;

import com.auditeng.db.fleet.RolloutPolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;

/** The targets of an upgrade or downgrade and how the rollout goes through them. */
final class RolloutOptions {
    @Mixin
    TargetsOption targets;

    @Option(names = "--canary", paramLabel = "K", defaultValue = "1",
            description = "With --targets: the first K targets migrate first, and the others start only once all of "
                    + "them succeeded; when one fails the others are skipped, untouched (default: 1; 0: no canary).")
    int canary;

    @Option(names = "--max-failures", paramLabel = "K",
            description = "With --targets: once K targets failed no new one starts; the rest are reported skipped "
                    + "(default: every target is tried).")
    Integer maxFailures;

    RolloutPolicy policy() {
        return new RolloutPolicy(targets.parallel, canary, Optional.ofNullable(maxFailures));
    }
}
