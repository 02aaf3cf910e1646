package com.auditeng.db.data;

import com.auditeng.db.model.TaskStatus;

import java.util.UUID;

/** A task cannot move from its status to the one asked: only QUEUED → PROCESSING → COMPLETED or FAILED. */
public final class InvalidStatusTransitionException extends DataAccessException {
    public InvalidStatusTransitionException(UUID taskId, TaskStatus from, TaskStatus to) {
        super("task " + taskId + " cannot move from " + from + " to " + to + "; a task goes QUEUED → PROCESSING → "
                + "COMPLETED or FAILED, so " + TaskLifecycle.describeNext(from), null);
    }

    /** A new task given with a status other than QUEUED, where every task starts. */
    public InvalidStatusTransitionException(TaskStatus given) {
        super("a new task starts QUEUED, and this one was given " + given + "; create it QUEUED, then move it with "
                + "TaskRepository.start, complete or fail", null);
    }
}
