package com.auditeng.db;

/** An unknown command, a bad target or an unknown revision. */
public final class UsageException extends AuditengException {
    public UsageException(String message) {
        super(message, null);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.USAGE;
    }
}
