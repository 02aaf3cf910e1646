package com.auditeng.db.data;

import com.auditeng.db.AuditengException;
import com.auditeng.db.ExitCode;

/**
 * A write the stored data refuses, such as a second user with the same email. The application can act on each
 * subclass; the transaction that raised it was rolled back, so nothing of it is stored.
 */
public abstract class DataAccessException extends AuditengException {
    protected DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    // a refused write is a problem found in the data handed in, not a usage or configuration error
    @Override
    public ExitCode exitCode() {
        return ExitCode.PROBLEM_FOUND;
    }
}
