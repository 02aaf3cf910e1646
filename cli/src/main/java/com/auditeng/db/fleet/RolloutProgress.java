package com.auditeng.db.fleet;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/** The running tally of a rollout, and its progress on stderr: a line when a target starts and when it ends. */
final class RolloutProgress {
    private final int total;
    private final PrintWriter notes;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);

    RolloutProgress(int total, PrintWriter notes) {
        this.total = total;
        this.notes = notes;
    }

    synchronized void started(FleetTarget target) {
        notes.println("fleet: " + position(target) + " " + target.label() + " started");
    }

    synchronized void finished(TargetResult result) {
        counts.merge(result.outcome(), 1, Integer::sum);
        notes.println("fleet: " + position(result.target()) + " " + result.target().label() + " " + describe(result)
                + "; " + tally());
    }

    synchronized int failures() {
        return counts.getOrDefault(Outcome.FAILED, 0);
    }

    private String position(FleetTarget target) {
        return "[" + target.position() + "/" + total + "]";
    }

    private static String describe(TargetResult result) {
        String took = " in " + result.took().toMillis() + " ms";
        return switch (result.outcome()) {
            case OK -> "ok, " + result.before().orElse("?") + " -> " + result.after().orElse("?") + " ("
                    + result.revisions() + (result.revisions() == 1 ? " revision)" : " revisions)") + took;
            case ALREADY_AT_GOAL -> "already at goal (" + result.after().orElse("?") + ")" + took;
            case FAILED -> "failed" + took + ": " + result.error().orElse("");
            case SKIPPED -> "skipped: " + result.error().orElse("");
        };
    }

    private String tally() {
        int finished = counts.values().stream().mapToInt(Integer::intValue).sum();
        return finished + " of " + total + " finished (" + counts.getOrDefault(Outcome.OK, 0) + " ok, "
                + counts.getOrDefault(Outcome.ALREADY_AT_GOAL, 0) + " already at goal, " + failures() + " failed, "
                + counts.getOrDefault(Outcome.SKIPPED, 0) + " skipped)";
    }
}
