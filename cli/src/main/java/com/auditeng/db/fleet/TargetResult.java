package com.auditeng.db.fleet;

import com.auditeng.db.ExitCode;

import java.time.Duration;
import java.util.Optional;

/**
 * What a rollout did to one target.
 *
 * @param before    the revision before, {@code base} when none was applied; empty when it could not be read or the
 *                  target was skipped
 * @param after     the revision after, likewise
 * @param revisions how many revisions were applied or reverted
 * @param error     one line, the password masked, for a failed or skipped target
 * @param exitCode  the exit code the same failure gives on one database; {@link ExitCode#OK} otherwise
 */
public record TargetResult(FleetTarget target, Optional<String> before, Optional<String> after, Duration took,
                           Outcome outcome, int revisions, Optional<String> error, ExitCode exitCode) {

    static TargetResult skipped(FleetTarget target, String why) {
        return new TargetResult(target, Optional.empty(), Optional.empty(), Duration.ZERO, Outcome.SKIPPED, 0,
                Optional.of(why), ExitCode.OK);
    }

    public boolean isFailed() {
        return outcome == Outcome.FAILED;
    }
}
