package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** upgrade, downgrade and current on tenant databases across two servers with --targets. */
class FleetCommandTest {
    private static final String THREE = "src/test/resources/fixtures/three";

    @TempDir
    Path folder;

    private static CliResult fleet(String... args) {
        List<String> all = new ArrayList<>(List.of("--migrations", THREE, "db"));
        all.addAll(List.of(args));
        return Cli.runRaw(all.toArray(String[]::new));
    }

    @Test
    void upgradeBringsTwentyTargetsToHeadAndReportsTheOneThatFailed() throws Exception {
        TenantFleet tenants = TenantFleet.create(20, folder);
        tenants.occupy(6, "meters");

        CliResult result = fleet("upgrade", "--targets", tenants.file().toString(), "--parallel", "4", "--json");

        assertThat(result.exitCode()).isEqualTo(4);
        JsonNode report = new ObjectMapper().readTree(result.stdout());
        assertThat(report.get("command").asText()).isEqualTo("upgrade");
        assertThat(report.get("goal").asText()).isEqualTo("head");
        assertThat(report.get("targets")).hasSize(20);
        for (int i = 0; i < 20; i++) {
            JsonNode target = report.get("targets").get(i);
            assertThat(target.get("target").asText()).isEqualTo(tenants.label(i));
            assertThat(target.get("before").asText()).isEqualTo("base");
            assertThat(target.get("duration_ms").asLong()).isNotNegative();
            if (i == 6) {
                assertThat(target.get("outcome").asText()).isEqualTo("failed");
                assertThat(target.get("after").asText()).isEqualTo("0002");
                assertThat(target.get("revisions").asInt()).isEqualTo(2);
                assertThat(target.get("error").asText()).contains("0003", "meters", "already exists");
                assertThat(target.get("exit_code").asInt()).isEqualTo(4);
                assertThat(tenants.current(i)).contains("0002");
            } else {
                assertThat(target.get("outcome").asText()).isEqualTo("ok");
                assertThat(target.get("after").asText()).isEqualTo("0003");
                assertThat(target.get("revisions").asInt()).isEqualTo(3);
                assertThat(target.get("error").isNull()).isTrue();
                assertThat(tenants.applied(i)).containsExactly("0001", "0002", "0003");
            }
        }
        assertThat(report.get("counts").get("ok").asInt()).isEqualTo(19);
        assertThat(report.get("counts").get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("standing").get("0003").asInt()).isEqualTo(19);
        assertThat(report.get("exit_code").asInt()).isEqualTo(4);
        assertThat(result.stderr().lines().filter(line -> line.endsWith(" started"))).hasSize(20);
        assertThat(result.stderr()).contains("20 of 20 finished (19 ok, 0 already at goal, 1 failed, 0 skipped)");
        assertThat(result.stdout() + result.stderr()).doesNotContain(TenantFleet.PASSWORD);
    }

    @Test
    void aRerunFindsTheUpgradedTargetsAtTheGoalAndRetriesTheFailedOne() throws Exception {
        TenantFleet tenants = TenantFleet.create(4, folder);
        tenants.occupy(2, "meters");
        fleet("upgrade", "--targets", tenants.file().toString());
        tenants.execute(2, "DROP TABLE meters");

        CliResult rerun = fleet("upgrade", "--targets", tenants.file().toString(), "--parallel", "2");

        assertThat(rerun.exitCode()).isZero();
        List<String> rows = rerun.stdout().lines().toList();
        assertThat(rows.get(0)).startsWith("TARGET").contains("BEFORE", "AFTER", "REVISIONS", "MS", "OUTCOME", "ERROR");
        assertThat(rows).hasSize(5);
        for (int i : List.of(0, 1, 3)) {
            assertThat(rows.get(i + 1)).startsWith(tenants.label(i))
                    .containsPattern("0003 +0003 +0 +\\d+ +already-at-goal$");
        }
        assertThat(rows.get(3)).startsWith(tenants.label(2)).containsPattern("0002 +0003 +1 +\\d+ +ok$");
        assertThat(IntStream.range(0, 4).mapToObj(tenants::applied))
                .allSatisfy(applied -> assertThat(applied).containsExactly("0001", "0002", "0003"));
    }

    @Test
    void aFailedCanaryLeavesEveryOtherTargetUntouched() throws Exception {
        TenantFleet tenants = TenantFleet.create(6, folder);
        tenants.occupy(0, "gauges");

        CliResult result = fleet("upgrade", "--targets", tenants.file().toString(), "--parallel", "4", "--json");

        assertThat(result.exitCode()).isEqualTo(4);
        JsonNode targets = new ObjectMapper().readTree(result.stdout()).get("targets");
        assertThat(targets.get(0).get("outcome").asText()).isEqualTo("failed");
        for (int i = 1; i < 6; i++) {
            assertThat(targets.get(i).get("outcome").asText()).isEqualTo("skipped");
            assertThat(targets.get(i).get("error").asText()).contains("canary", tenants.label(0));
            assertThat(targets.get(i).get("before").isNull()).isTrue();
            assertThat(tenants.isUntouched(i)).isTrue();
        }
    }

    @Test
    void aCanaryStageOfTwoMustSucceedWholeBeforeTheRestStart() throws Exception {
        TenantFleet tenants = TenantFleet.create(5, folder);
        tenants.occupy(1, "meters");

        CliResult result = fleet("upgrade", "--targets", tenants.file().toString(), "--canary", "2", "--parallel", "2");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(tenants.current(0)).contains("0003");
        assertThat(tenants.current(1)).contains("0002");
        assertThat(IntStream.range(2, 5).mapToObj(tenants::isUntouched)).containsOnly(true);
        assertThat(result.stdout().lines().filter(line -> line.contains(" skipped "))).hasSize(3);
    }

    @Test
    void maxFailuresStartsNoTargetOnceTheBudgetIsSpent() throws Exception {
        TenantFleet tenants = TenantFleet.create(6, folder);
        tenants.occupy(1, "gauges");
        tenants.occupy(2, "gauges");

        CliResult result = fleet("upgrade", "--targets", tenants.file().toString(), "--max-failures", "2", "--json");

        assertThat(result.exitCode()).isEqualTo(4);
        JsonNode targets = new ObjectMapper().readTree(result.stdout()).get("targets");
        assertThat(IntStream.range(0, 6).mapToObj(i -> targets.get(i).get("outcome").asText()))
                .containsExactly("ok", "failed", "failed", "skipped", "skipped", "skipped");
        assertThat(targets.get(3).get("error").asText()).contains("--max-failures");
        assertThat(IntStream.range(3, 6).mapToObj(tenants::isUntouched)).containsOnly(true);
    }

    @Test
    void aCheckThatRefusesATargetExitsOneAndChangesNothingThere() throws Exception {
        TenantFleet tenants = TenantFleet.create(3, folder);
        fleet("upgrade", "0002", "--targets", tenants.file().toString());
        tenants.execute(1, "INSERT INTO gauges VALUES (1, 'north', 2.5)");

        CliResult result = fleet("downgrade", "0001", "--targets", tenants.file().toString(), "--canary", "0");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).containsPattern("failed +.*gauges.reading.*--allow-data-loss");
        assertThat(tenants.current(0)).contains("0001");
        assertThat(tenants.current(1)).contains("0002");
        assertThat(tenants.current(2)).contains("0001");
    }

    @Test
    void downgradeBringsEveryTargetDownToTheRevision() throws Exception {
        TenantFleet tenants = TenantFleet.create(4, folder);
        fleet("upgrade", "--targets", tenants.file().toString(), "--parallel", "4");

        CliResult result = fleet("downgrade", "base", "--targets", tenants.file().toString(), "--parallel", "2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().lines().skip(1))
                .allSatisfy(row -> assertThat(row).containsPattern("0003 +base +3 +\\d+ +ok$"));
        assertThat(IntStream.range(0, 4).mapToObj(tenants::current)).containsOnly(Optional.empty());
    }

    @Test
    void currentListsEachTargetsRevisionAndFailsWhileTheyDiffer() throws Exception {
        TenantFleet tenants = TenantFleet.create(3, folder);
        fleet("upgrade", "--targets", tenants.file().toString());
        fleet("downgrade", "0001", "--database-url", tenants.url(1).redacted());

        CliResult drift = fleet("current", "--targets", tenants.file().toString());
        fleet("upgrade", "--database-url", tenants.url(1).redacted());
        CliResult aligned = fleet("current", "--targets", tenants.file().toString(), "--parallel", "3");

        assertThat(drift.exitCode()).isEqualTo(1);
        assertThat(drift.stdout()).startsWith("TARGET").contains(tenants.label(0), tenants.label(1), tenants.label(2));
        assertThat(revisionColumn(drift)).containsExactly("0003 (head)", "0001", "0003 (head)");
        assertThat(drift.stderr()).contains("2 at 0003 (head)", "1 at 0001", "db upgrade --targets");
        assertThat(aligned.exitCode()).isZero();
        assertThat(revisionColumn(aligned)).containsExactly("0003 (head)", "0003 (head)", "0003 (head)");
    }

    @Test
    void targetsCanComeFromAQueryOnTheControlDatabase() throws Exception {
        TenantFleet tenants = TenantFleet.create(2, folder);
        DatabaseUrl control = TestDatabase.fresh();
        try (Connection connection = TestDatabase.connect(control);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE tenants (name TEXT, url TEXT)");
            List<String> urls = Files.readAllLines(tenants.file()).stream()
                    .filter(line -> line.startsWith("postgresql")).toList();
            statement.execute("INSERT INTO tenants VALUES ('b', '" + urls.get(1) + "'), ('a', '" + urls.get(0) + "')");
        }

        CliResult result = fleet("upgrade", "--database-url", control.redacted(),
                "--targets-query", "SELECT url FROM tenants ORDER BY name");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().lines().skip(1).map(row -> row.split(" +")[0]))
                .containsExactly(tenants.label(0), tenants.label(1));
        assertThat(tenants.current(0)).contains("0003");
        assertThat(result.stdout() + result.stderr()).doesNotContain(TenantFleet.PASSWORD);
    }

    @Test
    void aBadUrlInTheTargetsFileIsNamedByItsLineWithoutThePassword() throws Exception {
        Path file = folder.resolve("targets.txt");
        Files.writeString(file, "# tenants\n\npostgresql://app:Hunter2-secret@db.internal:5432/tenant_1\n"
                + "postgresql://app:Hunter2-secret@db.internal:99999/tenant_2\n");

        CliResult result = fleet("upgrade", "--targets", file.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("error: " + file + " line 4: the URL port is out of range; use 1-65535")
                .doesNotContain("Hunter2-secret");
    }

    @Test
    void aMissingEmptyOrRepeatingTargetsFileExitsThree() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.txt"), "# nothing yet\n\n");
        Path twice = Files.writeString(folder.resolve("twice.txt"),
                "postgresql://app:pw@db.internal/tenant_1\npostgres://app:pw@db.internal:5432/tenant_1\n");

        CliResult missing = fleet("upgrade", "--targets", folder.resolve("absent.txt").toString());
        CliResult none = fleet("upgrade", "--targets", empty.toString());
        CliResult repeated = fleet("current", "--targets", twice.toString());

        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.stderr()).contains("absent.txt does not exist");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.stderr()).contains("empty.txt names no database");
        assertThat(repeated.exitCode()).isEqualTo(3);
        assertThat(repeated.stderr()).contains("twice.txt line 2 names the database of " + twice + " line 1 again");
    }

    @Test
    void anUnreachableTargetFailsWithExitThreeWhileTheOthersMigrate() throws Exception {
        TenantFleet tenants = TenantFleet.create(2, folder);
        Files.writeString(tenants.file(), "postgresql://app:Hunter2-secret@localhost:1/nowhere\n",
                StandardOpenOption.APPEND);

        CliResult result = fleet("upgrade", "--targets", tenants.file().toString(), "--json");

        assertThat(result.exitCode()).isEqualTo(3);
        JsonNode unreachable = new ObjectMapper().readTree(result.stdout()).get("targets").get(2);
        assertThat(unreachable.get("outcome").asText()).isEqualTo("failed");
        assertThat(unreachable.get("before").isNull()).isTrue();
        assertThat(unreachable.get("error").asText()).contains("cannot reach PostgreSQL");
        assertThat(tenants.current(1)).contains("0003");
        assertThat(result.stdout() + result.stderr()).doesNotContain("Hunter2-secret");
    }

    @Test
    void rolloutOptionsAreCheckedBeforeAnyTargetIsTouched() {
        CliResult result = fleet("upgrade", "--targets", "targets.txt", "--parallel", "0");
        CliResult both = fleet("current", "--targets", "targets.txt", "--targets-query", "SELECT 1");
        CliResult alone = fleet("upgrade", "--database-url", TestDatabase.fresh().redacted(), "--canary", "2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--parallel must be 1 or more");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.stderr()).contains("give one of them");
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.stderr()).contains("--canary needs --targets FILE");
    }

    private static List<String> revisionColumn(CliResult result) {
        return result.stdout().lines().skip(1).map(row -> row.split(" {2,}")[1]).toList();
    }
}
