package com.auditeng.db.model;

/** Where a task's analysis job stands; stored upper-case, exactly as spelled here. */
public enum TaskStatus {
    QUEUED, PROCESSING, COMPLETED, FAILED
}
