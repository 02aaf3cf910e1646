package com.auditeng.db;

/** A check, lint, verify or the data-loss guard found a problem. */
public final class ProblemFoundException extends AuditengException {
    public ProblemFoundException(String message) {
        super(message, null);
    }

    public ProblemFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.PROBLEM_FOUND;
    }
}
