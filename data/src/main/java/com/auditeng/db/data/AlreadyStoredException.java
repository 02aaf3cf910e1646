package com.auditeng.db.data;

import java.util.UUID;

/**
 * An entity object given to a {@code create} or {@code store} was given to one before: it has its id, and a row of
 * it is stored, or its transaction was rolled back. Either way the object cannot start a new row.
 */
public final class AlreadyStoredException extends DataAccessException {
    /** @param entity what the object is, e.g. {@code "user"} */
    public AlreadyStoredException(String entity, UUID id, Throwable cause) {
        super(entity + " " + id + " was given to create or store before; build a new object for a new row, or change "
                + "the stored one through its repository's update methods", cause);
    }
}
