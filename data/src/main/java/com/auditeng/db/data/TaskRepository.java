package com.auditeng.db.data;

import com.auditeng.db.model.Task;
import com.auditeng.db.model.TaskStatus;
import com.auditeng.db.model.User;
import org.hibernate.reactive.stage.Stage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Tasks: create one for a user, list and count them, claim the next queued one, move their status along QUEUED →
 * PROCESSING → COMPLETED | FAILED, delete them.
 *
 * <p>Each method comes twice: alone it runs in a transaction of its own; given a {@link UnitOfWork} it runs in that
 * one. Every task returned is loaded with its user (the user's own tasks not loaded) and its analysis, if any (the
 * analysis without its findings). The status changes only here, by an UPDATE whose WHERE clause allows only the moves
 * of the lifecycle, so a stale read or a {@code setStatus} on a returned task cannot skip a step.
 */
public final class TaskRepository {
    private static final String USER_KEY = "fk_tasks_user_id_users";
    // Hibernate loads the analysis side of the one-to-one with every task (it cannot tell a missing one from a lazy
    // one without bytecode enhancement); fetching it in the same join saves a query per task
    private static final String LOADED = "select t from Task t join fetch t.user left join fetch t.analysis ";
    // SKIP LOCKED: a worker passes over rows another worker's claim holds, so each queued task has one winner and no
    // worker waits for another; https://www.postgresql.org/docs/current/sql-select.html#SQL-FOR-UPDATE-SHARE
    private static final String CLAIM = "update tasks set status = 'PROCESSING', updated_at = :now where id = ("
            + "select id from tasks where status = 'QUEUED' order by created_at, id limit 1 for update skip locked) "
            + "returning id";

    private final AsyncDatabase database;

    public TaskRepository(AsyncDatabase database) {
        this.database = database;
    }

    /**
     * Stores a new task of the user, QUEUED; fails with {@link MissingUserException} when there is no such user.
     * Returns the task as given, with its user.
     */
    public CompletionStage<Task> create(UUID userId, Task task) {
        return database.transaction(tx -> create(tx, userId, task));
    }

    /** {@link #create(UUID, Task)} in the given unit of work. */
    public CompletionStage<Task> create(UnitOfWork tx, UUID userId, Task task) {
        Refusals refusals = Refusals.GENERIC.with(USER_KEY, cause -> new MissingUserException(userId, cause));
        return tx.write(refusals, session -> {
            if (task.getId() != null) {
                throw new AlreadyStoredException("task", task.getId(), null);
            }
            if (task.getStatus() != TaskStatus.QUEUED) {
                throw new InvalidStatusTransitionException(task.getStatus());
            }
            ColumnRules.check(task);
            return session.find(User.class, userId).thenCompose(user -> {
                if (user == null) {
                    throw new MissingUserException(userId, null);
                }
                user.addTask(task);
                return session.persist(task).thenCompose(ignored -> QueuedAdditions.flush(session, user.getTasks(),
                        task));
            });
        });
    }

    /** Loads the task with its user and its analysis, if any. */
    public CompletionStage<Optional<Task>> findById(UUID id) {
        return database.session(session -> loaded(session, id));
    }

    /** {@link #findById(UUID)} in the given unit of work. */
    public CompletionStage<Optional<Task>> findById(UnitOfWork tx, UUID id) {
        return tx.run(session -> loaded(session, id));
    }

    /** The user's tasks, newest first, each with its user and analysis; the id breaks ties (UUIDv7 grow with time). */
    public CompletionStage<List<Task>> findByUser(UUID userId, PageRequest page) {
        return database.session(session -> session
                .createSelectionQuery(LOADED + "where t.user.id = :userId order by t.createdAt desc, t.id desc",
                        Task.class)
                .setParameter("userId", userId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList());
    }

    /** Tasks in a status, oldest first (the order workers claim queued ones in), each with its user and analysis. */
    public CompletionStage<List<Task>> findByStatus(TaskStatus status, PageRequest page) {
        return database.session(session -> session
                .createSelectionQuery(LOADED + "where t.status = :status order by t.createdAt, t.id", Task.class)
                .setParameter("status", status)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList());
    }

    /** How many tasks are in a status. */
    public CompletionStage<Long> countByStatus(TaskStatus status) {
        return database.session(session -> session
                .createSelectionQuery("select count(*) from Task where status = :status", Long.class)
                .setParameter("status", status)
                .getSingleResult());
    }

    /** How many tasks a user has. */
    public CompletionStage<Long> countByUser(UUID userId) {
        return database.session(session -> session
                .createSelectionQuery("select count(*) from Task where user.id = :userId", Long.class)
                .setParameter("userId", userId)
                .getSingleResult());
    }

    /**
     * For workers: moves the oldest QUEUED task to PROCESSING and returns it, with its user; empty when none is
     * queued. Concurrent workers never claim the same task, and never wait for each other.
     */
    public CompletionStage<Optional<Task>> claimNextQueued() {
        return database.transaction(this::claimNextQueued);
    }

    /** {@link #claimNextQueued()} in the given unit of work: the task stays claimed only if it commits. */
    public CompletionStage<Optional<Task>> claimNextQueued(UnitOfWork tx) {
        return tx.write(Refusals.GENERIC, session -> session.createNativeQuery(CLAIM, UUID.class)
                .setParameter("now", OffsetDateTime.now())
                .getSingleResultOrNull()
                .thenCompose(id -> id == null ? NonBlockingFuture.completed(Optional.<Task>empty())
                        : fresh(session, id).thenApply(Optional::of)));
    }

    /** Moves a QUEUED task to PROCESSING; returns it loaded. */
    public CompletionStage<Task> start(UUID taskId) {
        return transition(taskId, TaskStatus.PROCESSING);
    }

    /** {@link #start(UUID)} in the given unit of work. */
    public CompletionStage<Task> start(UnitOfWork tx, UUID taskId) {
        return transition(tx, taskId, TaskStatus.PROCESSING);
    }

    /** Moves a PROCESSING task to COMPLETED; returns it loaded. */
    public CompletionStage<Task> complete(UUID taskId) {
        return transition(taskId, TaskStatus.COMPLETED);
    }

    /** {@link #complete(UUID)} in the given unit of work, e.g. after storing its analysis there. */
    public CompletionStage<Task> complete(UnitOfWork tx, UUID taskId) {
        return transition(tx, taskId, TaskStatus.COMPLETED);
    }

    /** Moves a PROCESSING task to FAILED, keeping what went wrong; returns it loaded. */
    public CompletionStage<Task> fail(UUID taskId, String errorMessage) {
        return database.transaction(tx -> fail(tx, taskId, errorMessage));
    }

    /** {@link #fail(UUID, String)} in the given unit of work. */
    public CompletionStage<Task> fail(UnitOfWork tx, UUID taskId, String errorMessage) {
        return move(tx, taskId, TaskStatus.FAILED, errorMessage);
    }

    /**
     * Moves the task to {@code next}; fails with {@link InvalidStatusTransitionException} for a move the lifecycle
     * does not allow, and with {@link MissingTaskException} when there is no such task. Returns the task loaded.
     */
    public CompletionStage<Task> transition(UUID taskId, TaskStatus next) {
        return database.transaction(tx -> transition(tx, taskId, next));
    }

    /** {@link #transition(UUID, TaskStatus)} in the given unit of work. */
    public CompletionStage<Task> transition(UnitOfWork tx, UUID taskId, TaskStatus next) {
        return move(tx, taskId, next, null);
    }

    /**
     * Deletes a task; the server's ON DELETE CASCADE removes its analysis and findings in the same statement.
     * Completes with whether the task existed.
     */
    public CompletionStage<Boolean> delete(UUID taskId) {
        return database.transaction(tx -> delete(tx, taskId));
    }

    /** {@link #delete(UUID)} in the given unit of work. */
    public CompletionStage<Boolean> delete(UnitOfWork tx, UUID taskId) {
        return tx.write(Refusals.GENERIC, session -> session
                .createMutationQuery("delete from Task where id = :id")
                .setParameter("id", taskId)
                .executeUpdate()
                .thenApply(deleted -> deleted > 0));
    }

    // the WHERE clause holds the lifecycle: of two workers starting one task, the second updates no row, as the
    // first one's row lock makes it wait and then read the new status
    private CompletionStage<Task> move(UnitOfWork tx, UUID taskId, TaskStatus next, String errorMessage) {
        String setError = errorMessage == null ? "" : ", errorMessage = :error";
        return tx.write(Refusals.GENERIC, session -> {
            var update = session.createMutationQuery("update Task set status = :next, updatedAt = :now" + setError
                            + " where id = :id and status in :from")
                    .setParameter("next", next)
                    .setParameter("now", OffsetDateTime.now())
                    .setParameter("id", taskId)
                    .setParameter("from", TaskLifecycle.previous(next));
            if (errorMessage != null) {
                update.setParameter("error", errorMessage);
            }
            return update.executeUpdate().thenCompose(updated -> updated > 0 ? fresh(session, taskId)
                    : refuseMove(session, taskId, next));
        });
    }

    private static CompletionStage<Task> refuseMove(Stage.Session session, UUID taskId, TaskStatus next) {
        return session.createSelectionQuery("select status from Task where id = :id", TaskStatus.class)
                .setParameter("id", taskId)
                .getSingleResultOrNull()
                .thenApply(current -> {
                    if (current == null) {
                        throw new MissingTaskException(taskId, null);
                    }
                    throw new InvalidStatusTransitionException(taskId, current, next);
                });
    }

    private static CompletionStage<Optional<Task>> loaded(Stage.Session session, UUID id) {
        return session.createSelectionQuery(LOADED + "where t.id = :id", Task.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable);
    }

    // after an UPDATE statement a task this session loaded before keeps its old state: it is evicted and loaded anew.
    // Session.refresh would update it in place, but Hibernate Reactive 3.1 on ORM 7.1 logs a deprecation WARN at every
    // refresh; getReference finds the loaded instance without a query (or makes a proxy, evicted as cheaply)
    private static CompletionStage<Task> fresh(Stage.Session session, UUID id) {
        session.detach(session.getReference(Task.class, id));
        return loaded(session, id).thenApply(Optional::orElseThrow);
    }
}
