package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** upgrade, downgrade, stamp, history and heads on a folder of three revisions, as the contract says. */
class TargetsCommandTest {
    private static final Path THREE = Path.of("src/test/resources/fixtures/three");
    private Cli cli;

    @BeforeEach
    void freshDatabase() {
        cli = Cli.on(TestDatabase.fresh().redacted(), THREE);
    }

    @Test
    void upgradeByStepsPrintsEachRevisionApplied() {
        CliResult first = cli.run("db", "upgrade", "+2");
        CliResult second = cli.run("db", "upgrade");

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).isEqualTo("0001  create gauges\n0002  add gauge reading\n");
        assertThat(second.stdout()).isEqualTo("0003  create meters\n");
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0003 (head)\n");
    }

    @Test
    void upgradeAtHeadHasNothingToDoAndSaysSoOnStderr() {
        cli.run("db", "upgrade");

        CliResult again = cli.run("db", "upgrade", "head");

        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).isEmpty();
        assertThat(again.stderr()).contains("nothing to upgrade");
    }

    @Test
    void downgradeToARevisionRevertsNewestFirst() {
        cli.run("db", "upgrade");

        CliResult result = cli.run("db", "downgrade", "0001");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("0003  create meters\n0002  add gauge reading\n");
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0001\n");
    }

    @Test
    void downgradeByOneStepAndToBase() {
        cli.run("db", "upgrade");

        assertThat(cli.run("db", "downgrade", "-1").stdout()).isEqualTo("0003  create meters\n");
        assertThat(cli.run("db", "downgrade", "base").stdout()).isEqualTo("0002  add gauge reading\n0001  create gauges\n");
        assertThat(cli.run("db", "current").stdout()).isEmpty();
    }

    @Test
    void unknownRevisionsAndWrongDirectionsAreUsageErrors() {
        cli.run("db", "upgrade", "0002");

        CliResult unknown = cli.run("db", "upgrade", "0042");
        CliResult below = cli.run("db", "upgrade", "0001");
        CliResult above = cli.run("db", "downgrade", "0003");
        CliResult tooFar = cli.run("db", "downgrade", "-5");
        CliResult typo = cli.run("db", "upgrade", "hed");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("unknown revision 0042");
        assertThat(below.exitCode()).isEqualTo(2);
        assertThat(below.stderr()).contains("db downgrade 0001");
        assertThat(above.exitCode()).isEqualTo(2);
        assertThat(tooFar.exitCode()).isEqualTo(2);
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0002\n");
    }

    @Test
    void stampRecordsARevisionWithoutRunningIt() {
        CliResult result = cli.run("db", "stamp", "0002");

        assertThat(result.exitCode()).isZero();
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0002\n");
        assertThat(cli.run("db", "stamp", "base").exitCode()).isZero();
        assertThat(cli.run("db", "current").stdout()).isEmpty();
    }

    @Test
    void historyMarksCurrentAndHead() {
        cli.run("db", "upgrade", "0002");

        CliResult result = cli.run("db", "history");

        assertThat(result.stdout()).isEqualTo(
                "0001  create gauges\n0002  add gauge reading (current)\n0003  create meters (head)\n");
    }

    @Test
    void headsNeedsNoDatabase() {
        CliResult result = Cli.runRaw("--database-url", "postgresql://nobody@127.0.0.1:1/none",
                "--migrations", THREE.toString(), "db", "heads");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("0003 (head)\n");
    }

    @Test
    void unknownCommandsAndFlagsAreUsageErrors() {
        assertThat(cli.run("db", "upgrad").exitCode()).isEqualTo(2);
        assertThat(cli.run("db", "upgrade", "--frobnicate").exitCode()).isEqualTo(2);
        assertThat(cli.run("db", "downgrade").exitCode()).isEqualTo(2);
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String command : new String[] {"current", "history", "heads", "upgrade", "downgrade", "stamp"}) {
            CliResult result = cli.run("db", command, "--help");

            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.stdout()).as(command).contains("Usage:", command);
        }
    }
}
