package com.auditeng.db.data;

/**
 * A unit of work whose work recovered from a failed step, and was rolled back anyway: after its first error
 * PostgreSQL refuses every further statement of the transaction, and turns its COMMIT into a ROLLBACK.
 */
public final class RolledBackException extends DataAccessException {
    /** @param failedStep the failure of the step, kept as the cause */
    public RolledBackException(Throwable failedStep) {
        super("the unit of work was rolled back, as a step of it failed (" + failedStep.getMessage() + "); recover "
                + "outside it: handle the failure of db.transaction(...), then retry in a new unit of work", failedStep);
    }
}
