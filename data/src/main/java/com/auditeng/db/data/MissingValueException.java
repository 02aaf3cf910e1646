package com.auditeng.db.data;

/** A required column was given no value (a NOT NULL column, such as {@code users.email}). */
public final class MissingValueException extends DataAccessException {
    private final String column;

    /** @param column the column as {@code table.column}, e.g. {@code tasks.original_filename} */
    public MissingValueException(String column, Throwable cause) {
        super(column + " is required and was null; set it before storing", cause);
        this.column = column;
    }

    /** The column as {@code table.column}. */
    public String column() {
        return column;
    }
}
