package com.auditeng.db;

/** A failure the user can act on: a one-line message naming the problem and the fix, and its exit code. */
public abstract class AuditengException extends RuntimeException {
    protected AuditengException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract ExitCode exitCode();
}
