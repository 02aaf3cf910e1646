package com.auditeng.db.model;

/** The outcome of an analysis: the report is approved, needs a human review, or is rejected. */
public enum Verdict {
    APPROVED, REVIEW, REJECTED
}
