package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet upgrade killed with SIGKILL part way through, then run again as it was: every target ends at head, none
 * had a revision applied twice, and no migration lock is left behind on either server.
 */
class FleetIT {
    // 0001 sleeps a third of a second: twelve targets two at a time take about two seconds, time to kill in between
    private static final String SLOW = Path.of("src/test/resources/fixtures/fleet-slow").toAbsolutePath().toString();
    private static final int TARGETS = 12;

    @TempDir
    Path home;
    @TempDir
    Path folder;

    @Test
    void aRolloutKilledMidwayResumesOnRerunWithNothingAppliedTwice() throws Exception {
        TenantFleet tenants = TenantFleet.create(TARGETS, folder);
        String[] upgrade = {"--migrations", SLOW, "db", "upgrade", "--targets", tenants.file().toString(),
                "--parallel", "2"};

        Process first = Process.startJar(home, upgrade);
        waitForFinishedTargets(first, 3);
        first.signal("KILL");
        CliResult killed = first.await();
        List<Integer> atHead = IntStream.range(0, TARGETS).filter(i -> tenants.applied(i).size() == 2).boxed().toList();
        CliResult rerun = Process.runJar(home, append(upgrade, "--json"));

        assertThat(killed.exitCode()).isEqualTo(137);
        assertThat(atHead).as("targets at head when the orchestrator was killed").hasSizeBetween(3, TARGETS - 1);
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        JsonNode targets = new ObjectMapper().readTree(rerun.stdout()).get("targets");
        for (int i = 0; i < TARGETS; i++) {
            String outcome = targets.get(i).get("outcome").asText();
            assertThat(outcome).isEqualTo(atHead.contains(i) ? "already-at-goal" : "ok");
            assertThat(targets.get(i).get("after").asText()).isEqualTo("0002");
            assertThat(tenants.applied(i)).containsExactly("0001", "0002");
        }
        assertThat(TenantFleet.advisoryLocksHeld()).isZero();
        assertThat(killed.stderr() + rerun.stdout() + rerun.stderr()).doesNotContain(TenantFleet.PASSWORD);
    }

    private static void waitForFinishedTargets(Process process, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (process.stderrSoFar().lines().filter(line -> line.contains(" ok, ")).count() < count) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the rollout ended, or finished no target in time: "
                        + process.stderrSoFar());
            }
            Thread.sleep(20);
        }
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
