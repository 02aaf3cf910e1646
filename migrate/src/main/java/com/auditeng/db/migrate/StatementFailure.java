package com.auditeng.db.migrate;

import java.sql.SQLException;
import java.util.List;

/** A statement of a revision that failed: which one, and PostgreSQL's error. Becomes a message once the revision is given up. */
final class StatementFailure extends Exception {
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final int number;
    private final String sql;
    private final SQLException error;
    private int attempts = 1;
    private List<Blocker> blockers = List.of();

    StatementFailure(int number, String sql, SQLException error) {
        super(error.getMessage(), error, false, false);
        this.number = number;
        this.sql = sql;
        this.error = error;
    }

    int number() {
        return number;
    }

    String sql() {
        return sql;
    }

    SQLException error() {
        return error;
    }

    boolean isLockTimeout() {
        return LOCK_NOT_AVAILABLE.equals(error.getSQLState());
    }

    /** Lost the connection: the server died, the backend was terminated, or the network failed. */
    boolean isConnectionLost() {
        String state = error.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    int attempts() {
        return attempts;
    }

    List<Blocker> blockers() {
        return blockers;
    }

    StatementFailure afterAttempts(int count, List<Blocker> seen) {
        attempts = count;
        blockers = List.copyOf(seen);
        return this;
    }
}
