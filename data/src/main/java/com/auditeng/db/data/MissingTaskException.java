package com.auditeng.db.data;

import java.util.UUID;

/** The operation names a task that does not exist (or was deleted meanwhile). */
public final class MissingTaskException extends DataAccessException {
    public MissingTaskException(UUID taskId, Throwable cause) {
        super("task " + taskId + " does not exist; create it first (TaskRepository.create), or check the id", cause);
    }
}
