package com.auditeng.db;

/** The process exit codes of the command line, as documented in its help. */
public enum ExitCode {
    OK(0),
    PROBLEM_FOUND(1),
    USAGE(2),
    CONFIGURATION(3),
    MIGRATION_FAILED(4),
    INTERNAL_ERROR(70);

    private final int number;

    ExitCode(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
