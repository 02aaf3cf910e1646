package com.auditeng.db.data;

import java.util.UUID;

/** The operation names a user that does not exist (or was deleted meanwhile). */
public final class MissingUserException extends DataAccessException {
    public MissingUserException(UUID userId, Throwable cause) {
        super("user " + userId + " does not exist; create it first (UserRepository.create), or check the id", cause);
    }
}
