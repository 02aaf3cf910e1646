package com.auditeng.db.data;

/** A user with this email already exists; emails are unique ({@code ix_users_email}). */
public final class DuplicateEmailException extends DataAccessException {
    public DuplicateEmailException(String email, Throwable cause) {
        super("a user with email " + email + " already exists; sign in as that user, or use another email", cause);
    }
}
