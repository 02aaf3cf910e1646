package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.Verdict;
import org.hibernate.reactive.stage.Stage;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Analyses: store one with all its findings, read one back with its findings, count them by verdict.
 *
 * <p>Each method comes twice: alone it runs in a transaction of its own; given a {@link UnitOfWork} it runs in that
 * one. An analysis returned is loaded with its findings and its task, and the task with its user; the findings' own
 * analysis is the same object.
 */
public final class AnalysisRepository {
    private static final String TASK_INDEX = "ix_analyses_task_id";
    private static final String TASK_KEY = "fk_analyses_task_id_tasks";
    private static final String LOADED = "select a from Analysis a join fetch a.task t join fetch t.user "
            + "left join fetch a.findings f ";

    private final AsyncDatabase database;

    public AnalysisRepository(AsyncDatabase database) {
        this.database = database;
    }

    /**
     * Stores the analysis of a task together with the findings added to it ({@link Analysis#addFinding}), all or
     * nothing. Fails with {@link AnalysisAlreadyExistsException} when the task has one already, and with
     * {@link MissingTaskException} when there is no such task. Returns the analysis as given, its task loaded.
     */
    public CompletionStage<Analysis> store(UUID taskId, Analysis analysis) {
        return database.transaction(tx -> store(tx, taskId, analysis));
    }

    /** {@link #store(UUID, Analysis)} in the given unit of work. */
    public CompletionStage<Analysis> store(UnitOfWork tx, UUID taskId, Analysis analysis) {
        // another writer may store an analysis, or delete the task, between the read and the insert
        Refusals refusals = Refusals.GENERIC
                .with(TASK_INDEX, cause -> new AnalysisAlreadyExistsException(taskId, cause))
                .with(TASK_KEY, cause -> new MissingTaskException(taskId, cause));
        return tx.write(refusals, session -> {
            refuseStored(analysis);
            return session.createSelectionQuery("select t from Task t join fetch t.user left join fetch t.analysis "
                            + "where t.id = :id", Task.class)
                    .setParameter("id", taskId)
                    .getSingleResultOrNull()
                    .thenCompose(task -> {
                        if (task == null) {
                            throw new MissingTaskException(taskId, null);
                        }
                        if (task.getAnalysis() != null) {
                            throw new AnalysisAlreadyExistsException(taskId, null);
                        }
                        task.attachAnalysis(analysis);
                        // cascades to the findings; flushed as batched inserts at the end of the step
                        return session.persist(analysis).thenApply(ignored -> analysis);
                    });
        });
    }

    /** Loads the analysis with its findings (in the order stored), its task and the task's user, in one query. */
    public CompletionStage<Optional<Analysis>> findById(UUID id) {
        return database.session(session -> loaded(session, "a.id = :id", id));
    }

    /** {@link #findById(UUID)} in the given unit of work. */
    public CompletionStage<Optional<Analysis>> findById(UnitOfWork tx, UUID id) {
        return tx.run(session -> loaded(session, "a.id = :id", id));
    }

    /** The analysis of a task, loaded as {@link #findById} loads it; empty while the task has none. */
    public CompletionStage<Optional<Analysis>> findByTaskWithFindings(UUID taskId) {
        return database.session(session -> loaded(session, "t.id = :id", taskId));
    }

    /** {@link #findByTaskWithFindings(UUID)} in the given unit of work. */
    public CompletionStage<Optional<Analysis>> findByTaskWithFindings(UnitOfWork tx, UUID taskId) {
        return tx.run(session -> loaded(session, "t.id = :id", taskId));
    }

    /** How many analyses reached a verdict. */
    public CompletionStage<Long> countByVerdict(Verdict verdict) {
        return database.session(session -> session
                .createSelectionQuery("select count(*) from Analysis where verdict = :verdict", Long.class)
                .setParameter("verdict", verdict)
                .getSingleResult());
    }

    private static void refuseStored(Analysis analysis) {
        if (analysis.getId() != null) {
            throw new AlreadyStoredException("analysis", analysis.getId(), null);
        }
        ColumnRules.check(analysis);
        for (Finding finding : analysis.getFindings()) {
            if (finding.getId() != null) {
                throw new AlreadyStoredException("finding", finding.getId(), null);
            }
            ColumnRules.check(finding);
        }
    }

    private static CompletionStage<Optional<Analysis>> loaded(Stage.Session session, String where, UUID id) {
        return session.createSelectionQuery(LOADED + "where " + where + " order by f.id", Analysis.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable);
    }
}
