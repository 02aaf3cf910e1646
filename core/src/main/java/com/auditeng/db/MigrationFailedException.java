package com.auditeng.db;

/** A revision failed; its transaction was rolled back. */
public final class MigrationFailedException extends AuditengException {
    public MigrationFailedException(String message) {
        super(message, null);
    }

    public MigrationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.MIGRATION_FAILED;
    }
}
