package com.auditeng.db.data;

import com.auditeng.db.model.Task;
import com.auditeng.db.model.TaskStatus;
import com.auditeng.db.model.User;
import org.hibernate.LockMode;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Tasks: create one for a user, list them, and move their status along QUEUED → PROCESSING → COMPLETED | FAILED. */
public final class TaskRepository {
    private static final String USER_KEY = "fk_tasks_user_id_users";
    // Hibernate loads the analysis side of the one-to-one with every task (it cannot tell a missing one from a lazy
    // one without bytecode enhancement); fetching it in the listing's join saves a query per task
    private static final String WITH_ANALYSIS = "select t from Task t left join fetch t.analysis ";

    private final AsyncDatabase database;

    public TaskRepository(AsyncDatabase database) {
        this.database = database;
    }

    /** Stores a new task of the user; fails with {@link MissingUserException} when there is no such user. */
    public CompletionStage<Task> create(UUID userId, Task task) {
        CompletionStage<Task> created = database.transaction(session -> session.find(User.class, userId)
                .thenCompose(user -> {
                    if (user == null) {
                        throw new MissingUserException(userId, null);
                    }
                    user.addTask(task);
                    return session.persist(task).thenApply(ignored -> task);
                }));
        // the user may be deleted between the read and the insert
        return Outcome.mapViolation(created, USER_KEY, cause -> new MissingUserException(userId, cause));
    }

    public CompletionStage<Optional<Task>> findById(UUID id) {
        return database.session(session -> session.find(Task.class, id).thenApply(Optional::ofNullable));
    }

    /** The user's tasks, newest first; the id breaks ties, as version 7 UUIDs grow with time. */
    public CompletionStage<List<Task>> findByUser(UUID userId, PageRequest page) {
        return database.session(session -> session
                .createSelectionQuery(WITH_ANALYSIS + "where t.user.id = :userId order by t.createdAt desc, t.id desc",
                        Task.class)
                .setParameter("userId", userId)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList());
    }

    /** Tasks in a status, oldest first: the order a worker takes queued tasks in. */
    public CompletionStage<List<Task>> findByStatus(TaskStatus status, PageRequest page) {
        return database.session(session -> session
                .createSelectionQuery(WITH_ANALYSIS + "where t.status = :status order by t.createdAt, t.id", Task.class)
                .setParameter("status", status)
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList());
    }

    /**
     * Moves the task to {@code next}; fails with {@link InvalidStatusTransitionException} for a move the lifecycle
     * does not allow. The row is locked while it is read and written, so two workers cannot both start one task.
     */
    public CompletionStage<Task> transition(UUID taskId, TaskStatus next) {
        return move(taskId, next, null);
    }

    /** Moves a PROCESSING task to FAILED, keeping what went wrong. */
    public CompletionStage<Task> fail(UUID taskId, String errorMessage) {
        return move(taskId, TaskStatus.FAILED, errorMessage);
    }

    private CompletionStage<Task> move(UUID taskId, TaskStatus next, String errorMessage) {
        return database.transaction(session -> session.find(Task.class, taskId, LockMode.PESSIMISTIC_WRITE)
                .thenApply(task -> {
                    if (task == null) {
                        throw new MissingTaskException(taskId, null);
                    }
                    if (!TaskLifecycle.allows(task.getStatus(), next)) {
                        throw new InvalidStatusTransitionException(taskId, task.getStatus(), next);
                    }
                    task.setStatus(next);
                    if (errorMessage != null) {
                        task.setErrorMessage(errorMessage);
                    }
                    return task;
                }));
    }
}
