package com.auditeng.db.bench;

import com.auditeng.db.data.AnalysisRepository;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One round of concurrent reads of "the analysis of a task with its findings", all issued at once: wall time,
 * latencies, and the most threads alive in the JVM while they ran.
 *
 * @param wallNanos     from the first request to the last answer
 * @param p99Nanos      the 99th percentile of request latency (issue to answer)
 * @param threadsBefore live threads just before the round
 * @param threadsMax    the peak of live threads during the round
 */
record ReadRound(int reads, long wallNanos, long p99Nanos, int threadsBefore, int threadsMax) {

    static ReadRound run(AnalysisRepository analyses, List<UUID> taskIds, int reads, int findingsEach) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int before = threads.getThreadCount();
        threads.resetPeakThreadCount();
        long[] latencies = new long[reads];
        CompletableFuture<?>[] all = new CompletableFuture<?>[reads];
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            int index = i;
            long issued = System.nanoTime();
            all[i] = analyses.findByTaskWithFindings(taskIds.get(i % taskIds.size())).toCompletableFuture()
                    .thenAccept(analysis -> {
                        latencies[index] = System.nanoTime() - issued;
                        if (analysis.orElseThrow().getFindings().size() != findingsEach) {
                            throw new IllegalStateException("a read returned the wrong number of findings");
                        }
                    });
        }
        CompletableFuture.allOf(all).join();
        long wall = System.nanoTime() - start;
        Arrays.sort(latencies);
        long p99 = latencies[(int) Math.ceil(reads * 0.99) - 1];
        return new ReadRound(reads, wall, p99, before, threads.getPeakThreadCount());
    }

    double perSecond() {
        return reads / (wallNanos / 1e9);
    }

    double p99Millis() {
        return p99Nanos / 1e6;
    }
}
