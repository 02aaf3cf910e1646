package com.auditeng.db.data;

import java.util.UUID;

/** The task already has its analysis; a task has at most one ({@code ix_analyses_task_id}). */
public final class AnalysisAlreadyExistsException extends DataAccessException {
    public AnalysisAlreadyExistsException(UUID taskId, Throwable cause) {
        super("task " + taskId + " already has an analysis; a task has at most one, so read it with "
                + "AnalysisRepository.findByTaskWithFindings, or create a new task for a new analysis", cause);
    }
}
