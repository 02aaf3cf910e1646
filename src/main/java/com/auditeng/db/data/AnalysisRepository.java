package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Task;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Analyses: store one with all its findings in one transaction, read one back with its findings. */
public final class AnalysisRepository {
    private static final String TASK_INDEX = "ix_analyses_task_id";
    private static final String TASK_KEY = "fk_analyses_task_id_tasks";
    private static final String WITH_FINDINGS = "select a from Analysis a left join fetch a.findings f ";

    private final AsyncDatabase database;

    public AnalysisRepository(AsyncDatabase database) {
        this.database = database;
    }

    /**
     * Stores the analysis of a task together with the findings added to it ({@link Analysis#addFinding}), all or
     * nothing. Fails with {@link AnalysisAlreadyExistsException} when the task has one already, and with
     * {@link MissingTaskException} when there is no such task.
     */
    public CompletionStage<Analysis> store(UUID taskId, Analysis analysis) {
        CompletionStage<Analysis> stored = database.transaction(session -> session.find(Task.class, taskId)
                .thenCompose(task -> {
                    if (task == null) {
                        throw new MissingTaskException(taskId, null);
                    }
                    if (task.getAnalysis() != null) {
                        throw new AnalysisAlreadyExistsException(taskId, null);
                    }
                    task.attachAnalysis(analysis);
                    // cascades to the findings; flushed as batched inserts at commit
                    return session.persist(analysis).thenApply(ignored -> analysis);
                }));
        // another writer may store an analysis, or delete the task, between the read and the insert
        CompletionStage<Analysis> unique = Outcome.mapViolation(stored, TASK_INDEX,
                cause -> new AnalysisAlreadyExistsException(taskId, cause));
        return Outcome.mapViolation(unique, TASK_KEY, cause -> new MissingTaskException(taskId, cause));
    }

    /** The analysis with its findings loaded. */
    public CompletionStage<Optional<Analysis>> findById(UUID id) {
        return database.session(session -> session
                .createSelectionQuery(WITH_FINDINGS + "where a.id = :id order by f.id", Analysis.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable));
    }

    /** The analysis of a task with its findings loaded, in one query; empty while the task has none. */
    public CompletionStage<Optional<Analysis>> findByTaskWithFindings(UUID taskId) {
        return database.session(session -> session
                .createSelectionQuery(WITH_FINDINGS + "where a.task.id = :taskId order by f.id", Analysis.class)
                .setParameter("taskId", taskId)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable));
    }
}
