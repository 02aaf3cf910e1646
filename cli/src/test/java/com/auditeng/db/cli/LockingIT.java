package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent deployers as separate processes on one database, serialised by the advisory lock. */
class LockingIT {
    private static final String SLEEPY = Path.of("src/test/resources/fixtures/sleepy").toAbsolutePath().toString();

    @TempDir
    Path home;
    private DatabaseUrl url;
    private Catalog db;

    @BeforeEach
    void databaseWhoseRevisionSleeps() throws Exception {
        url = TestDatabase.fresh();
        db = new Catalog(url);
        db.execute("CREATE TABLE sleep_seconds (seconds double precision); INSERT INTO sleep_seconds VALUES (3)");
    }

    @Test
    void racingUpgradesMigrateOnceAndTheOthersWaitThenFindNothingToDo() throws Exception {
        List<Process> deployers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            deployers.add(Process.startJarOn(url.redacted(), home, "--migrations", SLEEPY, "db", "upgrade"));
        }

        List<CliResult> results = new ArrayList<>();
        for (Process deployer : deployers) {
            results.add(deployer.await());
        }

        assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as(result.stderr()).isZero());
        assertThat(results).filteredOn(result -> result.stdout().equals("0001  sleepy\n")).hasSize(1);
        assertThat(results).filteredOn(result -> result.stdout().isEmpty()).hasSize(2);
        assertThat(results).filteredOn(result -> result.stderr().contains("waiting for another migration"))
                .allSatisfy(result -> assertThat(result.stderr()).contains("held by server pid", " since "))
                .isNotEmpty();
        assertThat(db.rows("SELECT count(*) FROM auditeng_revision")).containsExactly("1");
    }

    @Test
    void aMigratorKilledWhileHoldingTheLockLeavesNoLockBehind() throws Exception {
        db.execute("UPDATE sleep_seconds SET seconds = 60");
        Process migrator = Process.startJarOn(url.redacted(), home, "--migrations", SLEEPY, "db", "upgrade");
        awaitSleepingMigration();

        migrator.signal("KILL");
        migrator.await();
        db.execute("UPDATE sleep_seconds SET seconds = 0");
        CliResult rerun = Process.startJarOn(url.redacted(), home, "--migrations", SLEEPY, "--lock-timeout", "15",
                "db", "upgrade").await();

        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        assertThat(rerun.stdout()).isEqualTo("0001  sleepy\n");
    }

    @Test
    void aWaiterGivesUpAfterTheLockTimeoutNamingTheHolder() throws Exception {
        db.execute("UPDATE sleep_seconds SET seconds = 20");
        Process holder = Process.startJarOn(url.redacted(), home, "--migrations", SLEEPY, "db", "upgrade");
        awaitSleepingMigration();

        CliResult waiter = Process.startJarOn(url.redacted(), home, "--migrations", SLEEPY, "--lock-timeout", "1",
                "db", "upgrade").await();
        holder.signal("KILL");

        assertThat(waiter.exitCode()).isEqualTo(3);
        assertThat(waiter.stderr()).contains("held by server pid", "--lock-timeout");
    }

    private void awaitSleepingMigration() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!db.rows("SELECT 1 FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'").isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the migration never started sleeping");
    }
}
