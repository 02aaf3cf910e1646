package com.auditeng.db.data;

import com.auditeng.db.UsageException;
import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import org.hibernate.reactive.stage.Stage;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Findings: add them to an existing analysis, one or many at a time; read them by analysis and severity, a page at a
 * time; count them.
 *
 * <p>Each write comes twice: alone it runs in a transaction of its own; given a {@link UnitOfWork} it runs in that
 * one. A finding returned is loaded with its analysis (that analysis without its own findings list; its task gives
 * only its id).
 */
public final class FindingRepository {
    private static final String ANALYSIS_KEY = "fk_findings_analysis_id_analyses";
    /** Rows per INSERT in {@link #insertBulk}: large enough to amortise the round trip, small enough to stay light. */
    static final int BULK_CHUNK = 5000;
    /** The most findings one page holds. */
    public static final int MAX_PAGE = 1000;

    private final AsyncDatabase database;

    public FindingRepository(AsyncDatabase database) {
        this.database = database;
    }

    /** Adds a finding to an analysis; fails with {@link MissingAnalysisException} when there is no such analysis. */
    public CompletionStage<Finding> create(UUID analysisId, Finding finding) {
        return createAll(analysisId, List.of(finding)).thenApply(ignored -> finding);
    }

    /** {@link #create(UUID, Finding)} in the given unit of work. */
    public CompletionStage<Finding> create(UnitOfWork tx, UUID analysisId, Finding finding) {
        return createAll(tx, analysisId, List.of(finding)).thenApply(ignored -> finding);
    }

    /**
     * Adds findings to an analysis in one transaction, all or nothing, sent as batched inserts; each gets its id.
     * Completes with how many were stored. Hibernate's flush is CPU work on the event loop, so keep this to hundreds
     * of rows; for thousands use {@link #insertBulk}.
     */
    public CompletionStage<Integer> createAll(UUID analysisId, List<Finding> findings) {
        return database.transaction(tx -> createAll(tx, analysisId, findings));
    }

    /** {@link #createAll(UUID, List)} in the given unit of work. */
    public CompletionStage<Integer> createAll(UnitOfWork tx, UUID analysisId, List<Finding> findings) {
        return tx.write(refusals(analysisId), session -> {
            for (Finding finding : findings) {
                if (finding.getId() != null) {
                    throw new AlreadyStoredException("finding", finding.getId(), null);
                }
                ColumnRules.check(finding);
            }
            return session.find(Analysis.class, analysisId).thenCompose(analysis -> {
                if (analysis == null) {
                    throw new MissingAnalysisException(analysisId, null);
                }
                // the findings collection is not loaded: Hibernate queues these additions instead of reading it
                findings.forEach(analysis::addFinding);
                return session.persist(findings.toArray()).thenCompose(ignored -> QueuedAdditions.flush(session,
                        analysis.getFindings(), findings.size()));
            });
        });
    }

    /**
     * Inserts many findings into an analysis in one transaction, all or nothing, a few thousand rows per statement;
     * completes with how many were stored. Faster than {@link #createAll} by several times, for imports: the
     * {@code Finding} objects are read as values and stay detached, without ids; read the rows back with
     * {@link #page}. Fails with {@link MissingAnalysisException} when there is no such analysis.
     */
    public CompletionStage<Integer> insertBulk(UUID analysisId, List<Finding> findings) {
        return database.transaction(tx -> insertBulk(tx, analysisId, findings));
    }

    /** {@link #insertBulk(UUID, List)} in the given unit of work. */
    public CompletionStage<Integer> insertBulk(UnitOfWork tx, UUID analysisId, List<Finding> findings) {
        List<FindingRows> chunks;
        try {
            findings.forEach(ColumnRules::check);
            chunks = FindingRows.chunks(findings, BULK_CHUNK);
        } catch (RuntimeException e) {
            return NonBlockingFuture.failed(e);
        }
        return tx.write(refusals(analysisId), session -> {
            CompletionStage<Integer> total = CompletableFuture.completedFuture(0);
            for (FindingRows chunk : chunks) {
                total = total.thenCompose(sum -> chunk.insert(session, analysisId).thenApply(count -> sum + count));
            }
            return total;
        });
    }

    /** Loads the finding with its analysis. */
    public CompletionStage<Optional<Finding>> findById(UUID id) {
        return database.session(session -> session
                .createSelectionQuery("select f from Finding f join fetch f.analysis where f.id = :id", Finding.class)
                .setParameter("id", id)
                .getSingleResultOrNull()
                .thenApply(Optional::ofNullable));
    }

    /** The findings of one severity in an analysis, in the order they were stored, each with the analysis. */
    public CompletionStage<List<Finding>> findByAnalysisAndSeverity(UUID analysisId, Severity severity) {
        return database.session(session -> withAnalysis(session, analysisId, () -> session
                .createSelectionQuery("from Finding where analysis.id = :analysisId and severity = :severity "
                        + "order by id", Finding.class)
                .setParameter("analysisId", analysisId)
                .setParameter("severity", severity)
                .getResultList()));
    }

    /**
     * A page of an analysis' findings, of one severity or all, in the order stored, each with the analysis: the
     * first page with {@link FindingCursor#first()}, the next with the page's {@link FindingPage#next()}. Refuses a
     * limit outside 1-{@value #MAX_PAGE}.
     */
    public CompletionStage<FindingPage> page(UUID analysisId, Optional<Severity> severity, FindingCursor after,
                                             int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return NonBlockingFuture.failed(new UsageException("findings page limit " + limit + " is out of range; "
                    + "use 1-" + MAX_PAGE));
        }
        String where = "where analysis.id = :analysisId" + (severity.isPresent() ? " and severity = :severity" : "")
                + (after.isFirst() ? "" : " and id > :after");
        return database.session(session -> withAnalysis(session, analysisId, () -> {
            var query = session.createSelectionQuery("from Finding " + where + " order by id", Finding.class)
                    .setParameter("analysisId", analysisId)
                    // one row more than asked tells whether a next page exists, without a count
                    .setMaxResults(limit + 1);
            severity.ifPresent(value -> query.setParameter("severity", value));
            if (!after.isFirst()) {
                query.setParameter("after", after.afterId());
            }
            return query.getResultList();
        }).thenApply(rows -> {
            if (rows.size() <= limit) {
                return new FindingPage(rows, Optional.empty());
            }
            List<Finding> items = rows.subList(0, limit);
            return new FindingPage(items, Optional.of(new FindingCursor(items.get(limit - 1).getId())));
        }));
    }

    /** How many findings an analysis has, of one severity or all. */
    public CompletionStage<Long> count(UUID analysisId, Optional<Severity> severity) {
        return database.session(session -> {
            var query = session.createSelectionQuery("select count(*) from Finding where analysis.id = :analysisId"
                    + (severity.isPresent() ? " and severity = :severity" : ""), Long.class)
                    .setParameter("analysisId", analysisId);
            severity.ifPresent(value -> query.setParameter("severity", value));
            return query.getSingleResult();
        });
    }

    private static Refusals refusals(UUID analysisId) {
        // the analysis may be deleted between the read and the insert
        return Refusals.GENERIC.with(ANALYSIS_KEY, cause -> new MissingAnalysisException(analysisId, cause));
    }

    // every finding of the list refers to this one analysis: loaded first by its key, it is the object each finding's
    // getAnalysis() returns, where a join would repeat its JSON documents on every row
    private static <T> CompletionStage<T> withAnalysis(Stage.Session session, UUID analysisId,
                                                       Supplier<CompletionStage<T>> query) {
        return session.find(Analysis.class, analysisId).thenCompose(ignored -> query.get());
    }
}
