package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrating a database other sessions are using: statements wait for table locks only as long as the DDL lock
 * timeout, revisions are retried and the blocker named, half-built indexes are repaired, lost connections reported.
 */
// each test has a database of its own, and spends seconds waiting on the lock timeouts and blockers it sets up
@Execution(ExecutionMode.CONCURRENT)
class LiveDatabaseTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    // a thread for each blocker's timer and writer: the common pool's few threads, which the tests side by side share,
    // would queue one behind another
    private static final Executor OWN_THREAD = task -> new Thread(task, "live-database-test").start();

    private DatabaseUrl url;
    private Catalog db;
    private Connection blocker;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabase.fresh();
        db = new Catalog(url);
    }

    @AfterEach
    void endBlocker() throws SQLException {
        if (blocker != null) {
            blocker.close();
        }
    }

    @Test
    void anUpgradeBehindAReaderRetriesUntilItEndsWhileWritersNeverQueueLongerThanTheLockTimeout() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("live"));
        cli.run("db", "upgrade", "0001");
        int readerPid = holdReadLockOnGauges("nightly-report");
        CompletableFuture.runAsync(() -> sleep(3000), OWN_THREAD).thenRun(this::commitBlocker);
        Writer writer = Writer.start(url);

        CliResult result = cli.run("db", "upgrade");
        long longestInsert = writer.stop();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("0002  add gauge reading\n");
        assertThat(result.stderr()).contains("warning: 0002 statement 1 (ALTER TABLE", "blocked by pid " + readerPid
                + " (nightly-report, idle in transaction for ", "SELECT count(*) FROM gauges", "attempt 2 in ");
        assertThat(writer.inserted()).isPositive();
        // the lock timeout is 500 ms; without it the writers queue behind the ALTER for the reader's 3 s
        assertThat(longestInsert).isLessThan(1000);
        assertThat(db.columns()).contains("gauges.reading integer null");
    }

    @Test
    void upgradeJsonRecordsEachRetryWithItsBlocker() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("live"));
        cli.run("db", "upgrade", "0001");
        int readerPid = holdReadLockOnGauges("audit-export");
        CompletableFuture.runAsync(() -> sleep(1500), OWN_THREAD).thenRun(this::commitBlocker);

        CliResult result = cli.run("db", "upgrade", "--json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode document = new ObjectMapper().readTree(result.stdout());
        JsonNode revision = document.get("revisions").get(0);
        assertThat(revision.get("id").asText()).isEqualTo("0002");
        assertThat(revision.get("lock_retries")).isNotEmpty();
        JsonNode retry = revision.get("lock_retries").get(0);
        assertThat(retry.get("statement").asInt()).isEqualTo(1);
        assertThat(retry.get("blockers").get(0).get("pid").asInt()).isEqualTo(readerPid);
        assertThat(retry.get("blockers").get(0).get("application_name").asText()).isEqualTo("audit-export");
        assertThat(document.get("current").asText()).isEqualTo("0002");
    }

    @Test
    void aDowngradeBehindAReaderRetriesTooAndNamesTheBlocker() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("live"));
        cli.run("db", "upgrade");
        int readerPid = holdReadLockOnGauges("dashboard");
        CompletableFuture.runAsync(() -> sleep(1500), OWN_THREAD).thenRun(this::commitBlocker);

        CliResult result = cli.run("db", "downgrade", "0001", "--ddl-lock-timeout", "200ms");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("0002  add gauge reading\n");
        assertThat(result.stderr()).contains("warning: 0002 statement 1 (ALTER TABLE gauges DROP COLUMN reading)",
                "blocked by pid " + readerPid + " (dashboard, idle in transaction");
        assertThat(db.columns()).noneMatch(column -> column.startsWith("gauges.reading"));
    }

    @Test
    void aBlockerThatNeverEndsFailsTheUpgradeWithNothingAppliedAndTheBlockerNamed() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("live"));
        cli.run("db", "upgrade", "0001");
        int readerPid = holdReadLockOnGauges("report-job");

        CliResult result = cli.run("db", "upgrade", "--ddl-lock-timeout", "200ms", "--ddl-retry-deadline", "2s");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("error: revision 0002_add_gauge_reading.yaml could not take its locks within 2 s",
                "blocked by pid " + readerPid + " (report-job, idle in transaction", "nothing of 0002 was applied",
                "--ddl-retry-deadline");
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0001\n");
        assertThat(db.columns()).noneMatch(column -> column.startsWith("gauges.reading"));
        assertThat(blocker.isValid(1)).isTrue();
    }

    @Test
    void cancelBlockersAfterEndsASessionIdleInTransactionThatKeepsBlocking() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("live"));
        cli.run("db", "upgrade", "0001");
        int readerPid = holdReadLockOnGauges("forgotten-console");

        CliResult result = cli.run("db", "upgrade", "--ddl-lock-timeout", "200ms", "--cancel-blockers-after", "2");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("note: ended pid " + readerPid + " (forgotten-console, idle in transaction",
                "--cancel-blockers-after 2");
        assertThat(blocker.isValid(1)).isFalse();
        assertThat(db.columns()).contains("gauges.reading integer null");
    }

    @Test
    void aUniqueIndexBuiltConcurrentlyOverDuplicatesLeavesNoInvalidIndexAndTheRerunBuildsIt() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("unique"));
        cli.run("db", "upgrade", "0001");
        db.execute("INSERT INTO gauges (id, label) VALUES (1, 'north'), (2, 'north'), (3, 'south')");

        CliResult failed = cli.run("db", "upgrade");
        String leftBehind = String.join(",", db.indexes());
        db.execute("DELETE FROM gauges WHERE id = 2");
        CliResult rerun = cli.run("db", "upgrade");

        assertThat(failed.exitCode()).isEqualTo(4);
        assertThat(failed.stderr()).contains("0002_unique_gauge_label.yaml failed at statement 1",
                "could not create unique index", "Key (label)=(north) is duplicated");
        assertThat(leftBehind).doesNotContain("ux_gauges_label");
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        assertThat(db.rows("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ux_gauges_label'::regclass"))
                .containsExactly("true");
    }

    @Test
    void anIndexLeftInvalidByAKilledBuildIsRebuiltNotSkippedByIfNotExists() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("unique"));
        cli.run("db", "upgrade", "0001");
        db.execute("INSERT INTO gauges (id, label) VALUES (1, 'north'), (2, 'north')");
        try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE UNIQUE INDEX CONCURRENTLY ux_gauges_label ON gauges (label)");
        } catch (SQLException expected) {
            // what a build killed halfway leaves: the index, INVALID
        }
        db.execute("DELETE FROM gauges WHERE id = 2");

        CliResult result = cli.run("db", "upgrade");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(db.rows("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ux_gauges_label'::regclass"))
                .containsExactly("true");
    }

    @Test
    void aBackendTerminatedMidRevisionGivesTheRealCause() throws Exception {
        db.execute("CREATE TABLE sleep_seconds (seconds double precision); INSERT INTO sleep_seconds VALUES (30)");
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("sleepy"));
        CompletableFuture<CliResult> upgrade = CompletableFuture.supplyAsync(() -> cli.run("db", "upgrade"));
        String sleeping = "SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND datname = current_database()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (db.rows(sleeping).isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
        }

        db.execute("SELECT pg_terminate_backend(pid) FROM (" + sleeping + ") migrator");
        CliResult result = upgrade.get(30, TimeUnit.SECONDS);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).contains("the connection to PostgreSQL was lost during statement 2 of 0001_sleepy.yaml",
                "terminating connection due to administrator command", "nothing of 0001 was applied")
                .doesNotContain("permission");
        assertThat(db.tables()).doesNotContain("sleepy_marker");
    }

    /** Another session reads gauges and stays idle in its transaction, holding ACCESS SHARE; returns its pid. */
    private int holdReadLockOnGauges(String applicationName) throws SQLException {
        blocker = TestDatabase.connect(url);
        try (Statement statement = blocker.createStatement()) {
            statement.execute("SET application_name = '" + applicationName + "'");
        }
        int pid;
        try (Statement statement = blocker.createStatement(); ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            pid = rows.getInt(1);
        }
        blocker.setAutoCommit(false);
        try (Statement statement = blocker.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM gauges")) {
            rows.next();
        }
        return pid;
    }

    private void commitBlocker() {
        try {
            blocker.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Inserts into gauges one row at a time, as fast as it can, remembering the longest insert. */
    private static final class Writer {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong longestMillis = new AtomicLong();
        private final AtomicLong inserted = new AtomicLong();
        private CompletableFuture<Void> done;

        static Writer start(DatabaseUrl url) {
            Writer writer = new Writer();
            writer.done = CompletableFuture.runAsync(() -> writer.write(url), OWN_THREAD);
            return writer;
        }

        private void write(DatabaseUrl url) {
            try (Connection connection = TestDatabase.connect(url);
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO gauges (id, label) VALUES (?, 'w')")) {
                for (long id = 1_000_000; running.get(); id++) {
                    long start = System.nanoTime();
                    insert.setLong(1, id);
                    insert.executeUpdate();
                    longestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                    inserted.incrementAndGet();
                    sleep(5);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        long stop() throws Exception {
            running.set(false);
            done.get(30, TimeUnit.SECONDS);
            return longestMillis.get();
        }

        long inserted() {
            return inserted.get();
        }
    }
}
