package com.auditeng.db.bench;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The async benchmark run by {@code bench/async}: inserts FINDINGS findings through the async repository, plain JDBC
 * batches and COPY (medians of {@value #RUNS} runs after a warm-up), then rounds of {@value #READS} concurrent reads
 * of an analysis with its findings, then rounds of the service's unit of work ({@value #WORKERS} concurrent workers
 * claiming {@value #WORK_TASKS} tasks, each storing an analysis with 20 findings and completing its task). The last
 * line printed is the summary a pipeline reads.
 */
public final class AsyncBenchmark {
    private static final int RUNS = 3;
    private static final int READS = 1000;
    private static final int READ_TASKS = 100;
    private static final int FINDINGS_PER_READ = 20;
    private static final int ENTITY_PATH_ROWS = 20_000;
    private static final int WORKERS = 50;
    private static final int WORK_TASKS = 2_000;

    private AsyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // Hibernate and the embedded server log at INFO through java.util.logging; the figures are what matters here
        Logger.getLogger("").setLevel(Level.WARNING);
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(handler -> handler.setLevel(Level.WARNING));
        int count = findingCount(System.getenv("FINDINGS"));
        try (BenchDatabase bench = BenchDatabase.open(System.getenv("DATABASE_URL"))) {
            System.out.println("bench: " + bench.description);
            System.out.printf(Locale.ROOT, "bench: %d cores, Java %s, async pool of %d, %d findings, %d runs%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    bench.database.settings().poolSize(), count, RUNS);
            double async = insertMedian(bench, "async", count);
            double jdbc = insertMedian(bench, "jdbc", count);
            double copy = insertMedian(bench, "copy", count);
            double entities = insertOnce(bench, "entities", Math.min(count, ENTITY_PATH_ROWS));
            System.out.printf(Locale.ROOT, "insert async entity path (createAll, one run of %d rows): %.0f rows/s%n",
                    Math.min(count, ENTITY_PATH_ROWS), entities);
            List<ReadRound> rounds = reads(bench);
            ReadRound median = rounds.stream().sorted((a, b) -> Long.compare(a.p99Nanos(), b.p99Nanos()))
                    .toList().get(rounds.size() / 2);
            int threadsMax = rounds.stream().mapToInt(ReadRound::threadsMax).max().orElseThrow();
            double units = units(bench);
            System.out.printf(Locale.ROOT, "insert/s async=%.0f jdbc=%.0f copy=%.0f async/copy=%.2f; "
                    + "reads p99_ms=%.1f threads_max=%d; units/s=%.0f%n", async, jdbc, copy, async / copy,
                    median.p99Millis(), threadsMax, units);
        }
    }

    private static double insertMedian(BenchDatabase bench, String method, int count) throws SQLException {
        insertOnce(bench, method, Math.max(1, count / 10));   // warm-up: JIT, prepared statements, pool connections
        double[] rates = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            rates[run] = insertOnce(bench, method, count);
            System.out.printf(Locale.ROOT, "insert %-5s run %d: %d rows, %.0f rows/s%n", method, run + 1, count,
                    rates[run]);
        }
        Arrays.sort(rates);
        return rates[RUNS / 2];
    }

    /** Inserts {@code count} findings into a new analysis by one method; returns rows per second. */
    private static double insertOnce(BenchDatabase bench, String method, int count) throws SQLException {
        UUID analysisId = bench.newAnalysis(method);
        List<Finding> findings = findings(count);
        long start = System.nanoTime();
        switch (method) {
            case "async" -> bench.findings.insertBulk(analysisId, findings).toCompletableFuture().join();
            case "entities" -> bench.findings.createAll(analysisId, findings).toCompletableFuture().join();
            case "jdbc" -> JdbcBatchInsert.insert(bench.jdbc, analysisId, findings);
            case "copy" -> CopyInsert.insert(bench.jdbc, analysisId, findings);
            default -> throw new IllegalArgumentException(method);
        }
        long elapsed = System.nanoTime() - start;
        bench.clear(analysisId);
        return count / (elapsed / 1e9);
    }

    private static List<ReadRound> reads(BenchDatabase bench) {
        List<UUID> taskIds = new ArrayList<>();
        for (int t = 0; t < READ_TASKS; t++) {
            Task task = bench.newTask("read-" + t);
            Analysis analysis = new Analysis("UPS", "MEGGER");
            analysis.setExtractionResult(Map.of("site", "DC-1", "pages", t));
            findings(FINDINGS_PER_READ).forEach(analysis::addFinding);
            bench.analyses.store(task.getId(), analysis).toCompletableFuture().join();
            taskIds.add(task.getId());
        }
        ReadRound.run(bench.analyses, taskIds, READS, FINDINGS_PER_READ);   // warm-up
        List<ReadRound> rounds = new ArrayList<>();
        for (int round = 0; round < RUNS; round++) {
            ReadRound result = ReadRound.run(bench.analyses, taskIds, READS, FINDINGS_PER_READ);
            rounds.add(result);
            System.out.printf(Locale.ROOT, "reads round %d: %d concurrent in %.0f ms, %.0f reads/s, p99 %.1f ms, "
                            + "threads %d before, %d max%n", round + 1, READS, result.wallNanos() / 1e6,
                    result.perSecond(), result.p99Millis(), result.threadsBefore(), result.threadsMax());
        }
        return rounds;
    }

    // the service's unit of work: claim a task, store its analysis with 20 findings, complete it; median of RUNS
    private static double units(BenchDatabase bench) throws SQLException {
        List<Double> rates = new ArrayList<>();
        for (int round = 0; round <= RUNS; round++) {
            bench.retireQueuedTasks();
            for (int t = 0; t < WORK_TASKS; t++) {
                bench.newTask("work-" + round + "-" + t);
            }
            WorkRound result = WorkRound.run(bench, WORKERS, () -> findings(FINDINGS_PER_READ));
            if (result.units() != WORK_TASKS || result.claimed() != WORK_TASKS) {
                throw new IllegalStateException("a round did " + result.units() + " units on " + result.claimed()
                        + " distinct tasks of " + WORK_TASKS + " queued");
            }
            System.out.printf(Locale.ROOT, "units of work%s: %d workers, %d tasks in %.0f ms, %.0f units/s%n",
                    round == 0 ? " (warm-up)" : " round " + round, WORKERS, WORK_TASKS, result.nanos() / 1e6,
                    result.perSecond());
            if (round > 0) {
                rates.add(result.perSecond());
            }
        }
        return rates.stream().sorted().toList().get(rates.size() / 2);
    }

    private static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>(count);
        Severity[] severities = Severity.values();
        for (int i = 0; i < count; i++) {
            Finding finding = new Finding(severities[i % severities.length], String.format("GND-%02d", i % 40),
                    "grounding resistance reading " + i + " is outside tolerance");
            finding.setEvidence(Map.of("reading", i * 0.01, "unit", "ohm", "probe", "P" + (i % 8)));
            if (i % 3 == 0) {
                finding.setRemediation("re-torque the bond and test again");
            }
            findings.add(finding);
        }
        return findings;
    }

    private static int findingCount(String text) {
        if (text == null || text.isBlank()) {
            return 100_000;
        }
        try {
            int count = Integer.parseInt(text.strip());
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("FINDINGS=" + text + " is not a positive number of rows; "
                + "try FINDINGS=100000");
    }
}
