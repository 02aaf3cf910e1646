package com.auditeng.db.bench;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One round of the service's unit of work: WORKERS concurrent workers each claim the next queued task, store an
 * analysis with its findings and complete the task, in one transaction, until no task is queued.
 *
 * @param units   units of work done
 * @param nanos   wall time of the round
 * @param claimed distinct tasks claimed: equal to units when no task was claimed twice
 */
record WorkRound(int units, long nanos, int claimed) {
    static WorkRound run(BenchDatabase bench, int workers, Supplier<List<Finding>> findings) {
        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        AtomicInteger units = new AtomicInteger();
        CompletableFuture<?>[] running = new CompletableFuture<?>[workers];
        for (int w = 0; w < workers; w++) {
            running[w] = work(bench, findings, claimed, units::incrementAndGet).toCompletableFuture();
        }
        CompletableFuture.allOf(running).join();
        return new WorkRound(units.get(), System.nanoTime() - start, claimed.size());
    }

    double perSecond() {
        return units / (nanos / 1e9);
    }

    // a worker's loop as a chain of stages: one unit of work after another, until nothing is queued
    private static CompletionStage<Void> work(BenchDatabase bench, Supplier<List<Finding>> findings, Set<UUID> claimed,
                                              Runnable counted) {
        return bench.database.transaction(tx -> bench.tasks.claimNextQueued(tx).thenCompose(next -> {
            if (next.isEmpty()) {
                return CompletableFuture.completedStage(false);
            }
            UUID taskId = next.get().getId();
            claimed.add(taskId);
            Analysis analysis = new Analysis("SWITCHGEAR", "CONTACT_RESISTANCE");
            findings.get().forEach(analysis::addFinding);
            return bench.analyses.store(tx, taskId, analysis)
                    .thenCompose(stored -> bench.tasks.complete(tx, taskId))
                    .thenApply(completed -> true);
        })).thenCompose(worked -> {
            if (!worked) {
                return CompletableFuture.completedStage(null);
            }
            counted.run();
            return work(bench, findings, claimed, counted);
        });
    }
}
