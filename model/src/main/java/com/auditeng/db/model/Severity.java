package com.auditeng.db.model;

/** How much a finding matters, from a blocking CRITICAL down to an informative INFO. */
public enum Severity {
    CRITICAL, MAJOR, MINOR, INFO
}
