package com.auditeng.db.data;

import com.auditeng.db.model.User;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Users: create, look up by id or email, delete with everything they own. */
public final class UserRepository {
    private static final String EMAIL_INDEX = "ix_users_email";

    private final AsyncDatabase database;

    public UserRepository(AsyncDatabase database) {
        this.database = database;
    }

    /** Stores a new user; fails with {@link DuplicateEmailException} when the email is taken. */
    public CompletionStage<User> create(User user) {
        CompletionStage<User> created = database.transaction(session -> session.persist(user)
                .thenApply(ignored -> user));
        return Outcome.mapViolation(created, EMAIL_INDEX, cause -> new DuplicateEmailException(user.getEmail(), cause));
    }

    public CompletionStage<Optional<User>> findById(UUID id) {
        return database.session(session -> session.find(User.class, id).thenApply(Optional::ofNullable));
    }

    public CompletionStage<Optional<User>> findByEmail(String email) {
        return database.session(session -> session
                .createSelectionQuery("from User where email = :email", User.class)
                .setParameter("email", email)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable));
    }

    /**
     * Deletes a user; the server's ON DELETE CASCADE removes their tasks, analyses and findings in the same statement,
     * without loading them. Completes with whether the user existed.
     */
    public CompletionStage<Boolean> delete(UUID id) {
        return database.transaction(session -> session
                .createMutationQuery("delete from User where id = :id")
                .setParameter("id", id)
                .executeUpdate()
                .thenApply(deleted -> deleted > 0));
    }
}
