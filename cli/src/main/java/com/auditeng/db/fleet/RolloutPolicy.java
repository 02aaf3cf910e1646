package com.auditeng.db.fleet;

import com.auditeng.db.UsageException;

import java.util.Optional;

/**
 * How a rollout goes through a fleet.
 *
 * @param parallel    how many targets migrate at once
 * @param canary      how many targets, the first listed, must all succeed before any other starts
 * @param maxFailures after this many failed targets no new one starts
 */
public record RolloutPolicy(int parallel, int canary, Optional<Integer> maxFailures) {

    public RolloutPolicy {
        if (parallel < 1) {
            throw new UsageException("--parallel must be 1 or more targets at once");
        }
        if (canary < 0) {
            throw new UsageException("--canary must be 0 (no canary stage) or more targets");
        }
        if (maxFailures.isPresent() && maxFailures.get() < 1) {
            throw new UsageException("--max-failures must be 1 or more; leave it out to try every target");
        }
    }

    /** One target after another, with no canary stage and no failure budget: reading, not changing. */
    public static RolloutPolicy reading(int parallel) {
        return new RolloutPolicy(parallel, 0, Optional.empty());
    }

    boolean isSpent(int failures) {
        return maxFailures.map(budget -> failures >= budget).orElse(false);
    }
}
