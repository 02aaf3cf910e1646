package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A backfill whose migrator is killed with SIGKILL halfway resumes after its last committed batch. */
class BackfillIT {
    private static final String FIXTURE = Path.of("src/test/resources/fixtures/backfill-once").toAbsolutePath().toString();

    @TempDir
    Path home;

    @Test
    void aBackfillKilledHalfwayResumesAndFillsEveryRowExactlyOnce() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Catalog db = new Catalog(url);
        Cli.on(url.redacted(), Path.of(FIXTURE)).run("db", "upgrade", "0001");
        db.execute("INSERT INTO counters (id) SELECT generate_series(1, 1000)");

        Process migrator = Process.startJarOn(url.redacted(), home, "--migrations", FIXTURE, "db", "upgrade");
        awaitRowsDone(db, 300);
        migrator.signal("KILL");
        migrator.await();
        List<String> doneWhenKilled = db.rows("SELECT rows_done FROM auditeng_backfill");
        CliResult rerun = Process.startJarOn(url.redacted(), home, "--migrations", FIXTURE, "db", "upgrade").await();

        assertThat(Long.parseLong(doneWhenKilled.get(0))).isBetween(300L, 950L);
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        assertThat(rerun.stdout()).isEqualTo("0002  count fills\n");
        assertThat(db.rows("SELECT fills || ': ' || count(*) FROM counters GROUP BY fills")).containsExactly("1: 1000");
        assertThat(db.rows("SELECT count(*) FROM auditeng_backfill")).containsExactly("0");
    }

    private static void awaitRowsDone(Catalog db, long rows) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> done = db.tables().contains("auditeng_backfill")
                    ? db.rows("SELECT rows_done FROM auditeng_backfill") : List.of();
            if (!done.isEmpty() && Long.parseLong(done.get(0)) >= rows) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the backfill never got to " + rows + " rows");
    }
}
