package com.auditeng.db.data;

/** A text is longer than its column allows (a {@code varchar(n)} column, such as {@code findings.rule_id}). */
public final class ValueTooLongException extends DataAccessException {
    private final String column;
    private final int limit;

    /**
     * @param column the column as {@code table.column}, e.g. {@code findings.rule_id}
     * @param limit  the most characters the column holds
     */
    public ValueTooLongException(String column, int limit, Throwable cause) {
        super(column + " holds at most " + limit + " characters and was given more; shorten the value, or check its "
                + "length before storing", cause);
        this.column = column;
        this.limit = limit;
    }

    /** The column as {@code table.column}. */
    public String column() {
        return column;
    }

    public int limit() {
        return limit;
    }
}
