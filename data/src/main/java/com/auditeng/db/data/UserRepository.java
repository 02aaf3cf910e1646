package com.auditeng.db.data;

import com.auditeng.db.model.User;
import org.hibernate.reactive.stage.Stage;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Users: create, look up, change the email or password, deactivate, delete with everything they own, count.
 *
 * <p>Each method comes twice: alone it runs in a transaction of its own; given a {@link UnitOfWork} it runs in that
 * one, committed or rolled back with the rest of it. A user is loaded alone unless a method says otherwise: its
 * {@code getTasks()} is not loaded and throws; read the tasks with {@link #findWithTasks}.
 */
public final class UserRepository {
    private static final String EMAIL_INDEX = "ix_users_email";

    private final AsyncDatabase database;

    public UserRepository(AsyncDatabase database) {
        this.database = database;
    }

    /** Stores a new user; fails with {@link DuplicateEmailException} when the email is taken. Returns it as given. */
    public CompletionStage<User> create(User user) {
        return database.transaction(tx -> create(tx, user));
    }

    /** {@link #create(User)} in the given unit of work. */
    public CompletionStage<User> create(UnitOfWork tx, User user) {
        return tx.write(emailRefusals(user.getEmail()), session -> {
            if (user.getId() != null) {
                throw new AlreadyStoredException("user", user.getId(), null);
            }
            ColumnRules.check(user);
            return session.persist(user).thenApply(ignored -> user);
        });
    }

    /** Loads the user alone (its tasks are not loaded). */
    public CompletionStage<Optional<User>> findById(UUID id) {
        return database.session(session -> session.find(User.class, id).thenApply(Optional::ofNullable));
    }

    /** {@link #findById(UUID)} in the given unit of work. */
    public CompletionStage<Optional<User>> findById(UnitOfWork tx, UUID id) {
        return tx.run(session -> session.find(User.class, id).thenApply(Optional::ofNullable));
    }

    /** Loads the user alone (its tasks are not loaded). */
    public CompletionStage<Optional<User>> findByEmail(String email) {
        return database.session(session -> byEmail(session, email));
    }

    /** {@link #findByEmail(String)} in the given unit of work. */
    public CompletionStage<Optional<User>> findByEmail(UnitOfWork tx, String email) {
        return tx.run(session -> byEmail(session, email));
    }

    /**
     * Loads the user with all their tasks, newest first, each task with its analysis (the analysis without its
     * findings), in one query. For a user with many tasks, page them with {@link TaskRepository#findByUser} instead.
     */
    public CompletionStage<Optional<User>> findWithTasks(UUID id) {
        return database.session(session -> session
                .createSelectionQuery("select distinct u from User u left join fetch u.tasks t "
                        + "left join fetch t.analysis where u.id = :id", User.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable));
    }

    /** Changes a user's email; fails with {@link DuplicateEmailException} when another user has it. */
    public CompletionStage<Void> updateEmail(UUID id, String email) {
        return database.transaction(tx -> updateEmail(tx, id, email));
    }

    /** {@link #updateEmail(UUID, String)} in the given unit of work. */
    public CompletionStage<Void> updateEmail(UnitOfWork tx, UUID id, String email) {
        return update(tx, id, "email", email, emailRefusals(email));
    }

    /** Replaces a user's password hash (hash it before: the column stores what it is given). */
    public CompletionStage<Void> updatePassword(UUID id, String hashedPassword) {
        return database.transaction(tx -> updatePassword(tx, id, hashedPassword));
    }

    /** {@link #updatePassword(UUID, String)} in the given unit of work. */
    public CompletionStage<Void> updatePassword(UnitOfWork tx, UUID id, String hashedPassword) {
        return update(tx, id, "hashedPassword", hashedPassword, Refusals.GENERIC);
    }

    /** Marks a user inactive ({@code users.is_active = false}); their rows stay. Deactivating twice is harmless. */
    public CompletionStage<Void> deactivate(UUID id) {
        return database.transaction(tx -> deactivate(tx, id));
    }

    /** {@link #deactivate(UUID)} in the given unit of work. */
    public CompletionStage<Void> deactivate(UnitOfWork tx, UUID id) {
        return update(tx, id, "active", false, Refusals.GENERIC);
    }

    /**
     * Deletes a user; the server's ON DELETE CASCADE removes their tasks, analyses and findings in the same statement,
     * without loading them. Completes with whether the user existed.
     */
    public CompletionStage<Boolean> delete(UUID id) {
        return database.transaction(tx -> delete(tx, id));
    }

    /** {@link #delete(UUID)} in the given unit of work. */
    public CompletionStage<Boolean> delete(UnitOfWork tx, UUID id) {
        return tx.write(Refusals.GENERIC, session -> session
                .createMutationQuery("delete from User where id = :id")
                .setParameter("id", id)
                .executeUpdate()
                .thenApply(deleted -> deleted > 0));
    }

    /** How many users there are, active or not. */
    public CompletionStage<Long> count() {
        return database.session(session -> session.createSelectionQuery("select count(*) from User", Long.class)
                .getSingleResult());
    }

    private static CompletionStage<Optional<User>> byEmail(Stage.Session session, String email) {
        return session.createSelectionQuery("from User where email = :email", User.class)
                .setParameter("email", email)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable);
    }

    private static Refusals emailRefusals(String email) {
        return Refusals.GENERIC.with(EMAIL_INDEX, cause -> new DuplicateEmailException(email, cause));
    }

    // an update statement, not a setter on a loaded user: entities read through the data layer are read-only
    private static CompletionStage<Void> update(UnitOfWork tx, UUID id, String field, Object value, Refusals refusals) {
        return tx.write(refusals, session -> {
            ColumnRules.check(User.class, field, value);
            return session.createMutationQuery("update User set " + field + " = :value, updatedAt = :now "
                            + "where id = :id")
                    .setParameter("value", value)
                    .setParameter("now", OffsetDateTime.now())
                    .setParameter("id", id)
                    .executeUpdate()
                    .thenAccept(updated -> {
                        if (updated == 0) {
                            throw new MissingUserException(id, null);
                        }
                    });
        });
    }
}
