package com.auditeng.db.data;

/** A row with the same unique value exists already (a unique index or primary key other than an email's). */
public final class DuplicateValueException extends DataAccessException {
    private final String constraint;

    /** @param constraint the unique index or primary key, e.g. {@code pk_findings} */
    public DuplicateValueException(String constraint, Throwable cause) {
        super("a row with the same value of " + constraint + " exists already; read that row, or store another value",
                cause);
        this.constraint = constraint;
    }

    public String constraint() {
        return constraint;
    }
}
