package com.auditeng.db.fleet;

/** How one target of a rollout ended. */
public enum Outcome {
    OK("ok"),
    ALREADY_AT_GOAL("already-at-goal"),
    FAILED("failed"),
    SKIPPED("skipped");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The word the report and the JSON document use. */
    public String label() {
        return label;
    }
}
