package com.auditeng.db.fleet;

import com.auditeng.db.ExitCode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every target of a rollout with what happened to it, in the order they were listed. */
public record RolloutReport(List<TargetResult> results) {
    // the exit code a report ends with is its most serious target's: a bug, then a failed migration, then a refusal
    // by a check, then a target that could not be reached or read, then a goal a target could not go to
    private static final List<ExitCode> SEVERITY = List.of(ExitCode.INTERNAL_ERROR, ExitCode.MIGRATION_FAILED,
            ExitCode.PROBLEM_FOUND, ExitCode.CONFIGURATION, ExitCode.USAGE);

    public RolloutReport {
        results = List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).count();
    }

    /** {@link ExitCode#OK} when no target failed; otherwise the most serious exit code among the failed ones. */
    public ExitCode exitCode() {
        return SEVERITY.stream()
                .filter(code -> results.stream().anyMatch(result -> result.isFailed() && result.exitCode() == code))
                .findFirst().orElse(ExitCode.OK);
    }

    /** How many targets stand at each revision after the run (those read), by revision. */
    public Map<String, Long> standing() {
        Map<String, Long> standing = new TreeMap<>();
        results.stream().map(TargetResult::after).flatMap(Optional::stream)
                .forEach(revision -> standing.merge(revision, 1L, Long::sum));
        return standing;
    }
}
