package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged command line on the embedded default, run as real processes. */
// each test has a home of its own, and spends most of its time waiting for the servers and processes it starts
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedDatabaseIT {
    private static final String SLOW = Path.of("src/test/resources/fixtures/slow").toAbsolutePath().toString();

    @TempDir
    Path home;

    @Test
    void upgradeThenCurrentInALaterProcessSeeTheSameDatabase() throws Exception {
        CliResult upgrade = Process.runJar(home, "db", "upgrade");
        CliResult current = Process.runJar(home, "db", "current");

        assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
        assertThat(upgrade.stdout()).isEqualTo("0001  initial schema\n");
        assertThat(upgrade.stderr()).contains("embedded PostgreSQL", home.toString());
        assertThat(current.stdout()).isEqualTo("0001 (head)\n");
        assertThat(Process.serversOf(home)).isEmpty();
        assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
    }

    @Test
    void theLauncherRunsTheCommandsAndTrainsItsStartUpCacheBesideThem() throws Exception {
        boolean noCacheYet = !startUpCacheWritten(Duration.ZERO);
        CliResult heads = Process.startLauncher(home, "db", "heads").await();
        CliResult upgrade = Process.startLauncher(home, "db", "upgrade").await();

        assertThat(heads.exitCode()).as(heads.stderr()).isZero();
        assertThat(heads.stdout()).isEqualTo("0001 (head)\n");
        assertThat(upgrade.stdout()).isEqualTo("0001  initial schema\n");
        if (noCacheYet) {   // as after a build: the first command does not wait for the training
            assertThat(heads.stderr()).contains("preparing the start-up cache beside this command");
        }
        assertThat(startUpCacheWritten(Duration.ofMinutes(2)))
                .as("a start-up cache newer than the jar; see cli/target/cache-training.log").isTrue();
    }

    @Test
    void twoCommandsStartedAtOnceTakeTurnsOnTheEmbeddedDatabase() throws Exception {
        Process first = Process.startJar(home, "db", "upgrade");
        Process second = Process.startJar(home, "db", "upgrade");

        CliResult one = first.await();
        CliResult two = second.await();

        assertThat(one.exitCode()).as(one.stderr()).isZero();
        assertThat(two.exitCode()).as(two.stderr()).isZero();
        assertThat(one.stdout() + two.stdout()).isEqualTo("0001  initial schema\n");
        assertThat(Process.runJar(home, "db", "current").stdout()).isEqualTo("0001 (head)\n");
        assertThat(Process.serversOf(home)).isEmpty();
    }

    @Test
    void ctrlCDuringARevisionStopsTheServerAndAppliesNothing() throws Exception {
        Process upgrade = Process.startJar(home, "--migrations", SLOW, "db", "upgrade");
        awaitRevisionRunning(upgrade);

        upgrade.signal("INT");
        CliResult result = upgrade.await();

        assertThat(result.exitCode()).isNotZero();
        awaitNoServer();
        CliResult current = Process.runJar(home, "--migrations", SLOW, "db", "current");
        assertThat(current.exitCode()).as(current.stderr()).isZero();
        assertThat(current.stdout()).isEmpty();
    }

    @Test
    void aKilledCommandLeavesAServerThatTheNextCommandCleansUp() throws Exception {
        Process upgrade = Process.startJar(home, "--migrations", SLOW, "db", "upgrade");
        awaitRevisionRunning(upgrade);

        upgrade.signal("KILL");
        upgrade.await();
        CliResult current = Process.runJar(home, "--migrations", SLOW, "db", "current");

        assertThat(current.exitCode()).as(current.stderr()).isZero();
        assertThat(current.stdout()).isEmpty();
        awaitNoServer();
    }

    /** Waits until the process says it started the slow revision, which then sleeps for a minute. */
    private static void awaitRevisionRunning(Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!process.stderrSoFar().contains("upgrading 0001") && System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("ended early: " + process.stderrSoFar()).isTrue();
            Thread.sleep(100);
        }
        assertThat(process.stderrSoFar()).contains("upgrading 0001");
        Thread.sleep(500);   // the revision's first statements run, the sleep begins
    }

    private void awaitNoServer() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Process.serversOf(home).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Process.serversOf(home)).isEmpty();
    }

    /** Whether the launcher's training, which runs on after the command that started it, wrote the jar's caches. */
    private static boolean startUpCacheWritten(Duration wait) throws Exception {
        Path target = Process.JAR.getParent();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileTime jar = Files.getLastModifiedTime(Process.JAR);
            if (newerThan(target.resolve("cache-training.failed"), jar)) {
                return false;
            }
            // db revision's cache beside the other commands', on JDK 25 or before it
            for (String kind : List.of("aot", "jsa")) {
                if (newerThan(target.resolve("auditeng." + kind), jar)
                        && newerThan(target.resolve("auditeng-authoring." + kind), jar)) {
                    return true;
                }
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(200);
        }
    }

    private static boolean newerThan(Path file, FileTime time) throws Exception {
        return Files.exists(file) && Files.getLastModifiedTime(file).compareTo(time) > 0;
    }
}
