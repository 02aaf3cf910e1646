package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Findings: add them to an existing analysis, one or many at a time, and read them by analysis and severity. */
public final class FindingRepository {
    private static final String ANALYSIS_KEY = "fk_findings_analysis_id_analyses";
    /** Rows per INSERT in {@link #insertBulk}: large enough to amortise the round trip, small enough to stay light. */
    static final int BULK_CHUNK = 5000;

    private final AsyncDatabase database;

    public FindingRepository(AsyncDatabase database) {
        this.database = database;
    }

    /** Adds a finding to an analysis; fails with {@link MissingAnalysisException} when there is no such analysis. */
    public CompletionStage<Finding> create(UUID analysisId, Finding finding) {
        return createAll(analysisId, List.of(finding)).thenApply(ignored -> finding);
    }

    /**
     * Adds findings to an analysis in one transaction, all or nothing, sent as batched inserts; each gets its id.
     * Completes with how many were stored. Hibernate's flush is CPU work on the event loop, so keep this to hundreds
     * of rows; for thousands use {@link #insertBulk}.
     */
    public CompletionStage<Integer> createAll(UUID analysisId, List<Finding> findings) {
        CompletionStage<Integer> created = database.transaction(session -> session.find(Analysis.class, analysisId)
                .thenCompose(analysis -> {
                    if (analysis == null) {
                        throw new MissingAnalysisException(analysisId, null);
                    }
                    // the findings collection is not loaded: Hibernate queues these additions instead of reading it
                    findings.forEach(analysis::addFinding);
                    return session.persist(findings.toArray()).thenApply(ignored -> findings.size());
                }));
        // the analysis may be deleted between the read and the insert
        return Outcome.mapViolation(created, ANALYSIS_KEY, cause -> new MissingAnalysisException(analysisId, cause));
    }

    /**
     * Inserts many findings into an analysis in one transaction, all or nothing, a few thousand rows per statement;
     * completes with how many were stored. Faster than {@link #createAll} by several times, for imports: the
     * {@code Finding} objects are read as values and stay detached, without ids; read the rows back with
     * {@link #findByAnalysisAndSeverity}. Fails with {@link MissingAnalysisException} when there is no such analysis.
     */
    public CompletionStage<Integer> insertBulk(UUID analysisId, List<Finding> findings) {
        List<FindingRows> chunks;
        try {
            // converted before the transaction starts, so the connection is held only while rows travel
            chunks = FindingRows.chunks(findings, BULK_CHUNK);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletionStage<Integer> inserted = database.transaction(session -> {
            CompletionStage<Integer> total = CompletableFuture.completedFuture(0);
            for (FindingRows chunk : chunks) {
                total = total.thenCompose(sum -> chunk.insert(session, analysisId).thenApply(count -> sum + count));
            }
            return total;
        });
        return Outcome.mapViolation(inserted, ANALYSIS_KEY, cause -> new MissingAnalysisException(analysisId, cause));
    }

    public CompletionStage<Optional<Finding>> findById(UUID id) {
        return database.session(session -> session.find(Finding.class, id).thenApply(Optional::ofNullable));
    }

    /** The findings of one severity in an analysis, in the order they were stored. */
    public CompletionStage<List<Finding>> findByAnalysisAndSeverity(UUID analysisId, Severity severity) {
        return database.session(session -> session
                .createSelectionQuery("from Finding where analysis.id = :analysisId and severity = :severity "
                        + "order by id", Finding.class)
                .setParameter("analysisId", analysisId)
                .setParameter("severity", severity)
                .getResultList());
    }
}
