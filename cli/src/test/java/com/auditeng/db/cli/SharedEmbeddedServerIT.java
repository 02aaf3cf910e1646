package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server left running between commands for its idle time, seen from real processes. */
// each test has a home of its own, and spends most of its time waiting for the servers and processes it starts
@Execution(ExecutionMode.CONCURRENT)
class SharedEmbeddedServerIT {
    private static final Map<String, String> MINUTE = Map.of("AUDITENG_EMBEDDED_IDLE", "1min");

    @TempDir
    Path home;

    @AfterEach
    void stopTheServer() throws Exception {
        Process.runJar(home, "db", "stop");
    }

    @Test
    void aSecondCommandUsesTheServerTheFirstOneLeftRunning() throws Exception {
        CliResult upgrade = Process.startJar(home, MINUTE, "db", "upgrade").await();
        List<String> first = postmasterPidFile();
        CliResult current = Process.startJar(home, MINUTE, "db", "current").await();

        assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
        assertThat(current.exitCode()).as(current.stderr()).isZero();
        assertThat(current.stdout()).isEqualTo("0001 (head)\n");
        List<String> second = postmasterPidFile();
        assertThat(second.get(0)).as("pid").isEqualTo(first.get(0));
        assertThat(second.get(3)).as("port").isEqualTo(first.get(3));
        assertThat(Process.serversOf(home)).singleElement()
                .satisfies(server -> assertThat(server.pid()).isEqualTo(Long.parseLong(first.get(0))));
    }

    @Test
    void dbStopEndsTheServerAtOnce() throws Exception {
        Process.startJar(home, MINUTE, "db", "upgrade").await();
        assertThat(Process.serversOf(home)).hasSize(1);

        CliResult stop = Process.runJar(home, "db", "stop");

        assertThat(stop.exitCode()).as(stop.stderr()).isZero();
        assertThat(stop.stdout()).isEmpty();
        assertThat(stop.stderr()).contains("stopped the embedded PostgreSQL", home.toString());
        assertThat(Process.serversOf(home)).isEmpty();
        assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(Process.runJar(home, "db", "stop").stderr()).contains("no embedded PostgreSQL is running");
    }

    @Test
    void theServerStopsByItselfOnceIdleAndItsWatcherEndsWithIt() throws Exception {
        long start = System.nanoTime();
        CliResult upgrade = Process.startJar(home, Map.of("AUDITENG_EMBEDDED_IDLE", "3s"), "db", "upgrade").await();
        assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
        // the use the command recorded as it ended, some time before its process was gone
        Instant lastUse = Files.getLastModifiedTime(home.resolve("last-use")).toInstant();
        assertThat(Process.serversOf(home)).hasSize(1);

        awaitGone(Duration.ofSeconds(30));

        assertThat(Duration.between(lastUse, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(watchers()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void twoCommandsAtOnceShareOneServer() throws Exception {
        Process first = Process.startJar(home, MINUTE, "db", "upgrade");
        Process second = Process.startJar(home, MINUTE, "db", "upgrade");

        CliResult one = first.await();
        CliResult two = second.await();

        assertThat(one.exitCode()).as(one.stderr()).isZero();
        assertThat(two.exitCode()).as(two.stderr()).isZero();
        assertThat(one.stdout() + two.stdout()).isEqualTo("0001  initial schema\n");
        assertThat(Process.serversOf(home)).hasSize(1);
        assertThat(Process.serversOf(home).get(0).pid()).isEqualTo(Long.parseLong(postmasterPidFile().get(0)));
        assertThat(watchers()).hasSize(1);
    }

    @Test
    void anIdleTimeOfZeroStopsTheServerAfterEachCommand() throws Exception {
        Process.startJar(home, MINUTE, "db", "upgrade").await();

        CliResult current = Process.runJar(home, "db", "current");

        assertThat(current.stdout()).isEqualTo("0001 (head)\n");
        assertThat(Process.serversOf(home)).isEmpty();
    }

    @Test
    void aCommandThatStartsTheServerLeavesNothingInTheTemporaryFolder(@TempDir Path temporary) throws Exception {
        // the binaries zonky unpacked there before, so that this command does not unpack them again
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        Files.createSymbolicLink(temporary.resolve("embedded-pg"), binaries);

        CliResult current = Process.startJar(List.of("-Djava.io.tmpdir=" + temporary), home, "db", "current").await();

        assertThat(current.exitCode()).as(current.stderr()).isZero();
        assertThat(current.stderr()).contains("using the embedded PostgreSQL");
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactly("embedded-pg");
        }
    }

    private List<String> postmasterPidFile() throws Exception {
        return Files.readAllLines(home.resolve("postgres/postmaster.pid"));
    }

    /** The idle-shutdown loops watching this home folder. */
    private List<ProcessHandle> watchers() {
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine()
                        .map(line -> line.contains("auditeng-idle-shutdown") && line.contains(home.toString()))
                        .orElse(false))
                .toList();
    }

    private void awaitGone(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while ((!Process.serversOf(home).isEmpty() || !watchers().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }
}
