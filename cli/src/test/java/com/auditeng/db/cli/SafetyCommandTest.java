package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import com.auditeng.db.safety.Linter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/** Transactions, checksums, lint and the data-loss guard, through the real command line on a real database. */
class SafetyCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private DatabaseUrl url;
    private Catalog db;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabase.fresh();
        db = new Catalog(url);
    }

    @Test
    void lintHelpNamesEveryRuleTheLinterChecks() {
        CliResult help = Cli.runRaw("db", "lint", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout().replaceAll("\\s+", " ")).contains(Linter.ruleIds());
    }

    @Test
    void aRevisionFailingOnItsThirdStatementIsRolledBackWhole() {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("failing"));

        CliResult result = cli.run("db", "upgrade");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stdout()).isEqualTo("0001  create gauges\n");
        assertThat(result.stderr()).contains("0002_broken_third_statement.yaml", "statement 3",
                "INSERT INTO dials (id) VALUES ('not a number')", "invalid input syntax", "rolled back");
        assertThat(result.stderr().lines().filter(line -> line.startsWith("error:"))).hasSize(1);
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0001\n");
        assertThat(db.tables()).containsExactly("auditeng_revision", "gauges");
    }

    @Test
    void aRevisionDeclaredNonTransactionalRunsConcurrentlyOnItsOwn() {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("concurrent"));

        CliResult up = cli.run("db", "upgrade");
        CliResult down = cli.run("db", "downgrade", "0001");

        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stdout()).contains("0002  index gauges concurrently");
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(db.indexes()).noneMatch(index -> index.startsWith("ix_gauges_label"));
    }

    @Test
    void anEditedAppliedRevisionIsReportedAndNeverRerun(@TempDir Path folder) throws Exception {
        for (Path file : Files.newDirectoryStream(FIXTURES.resolve("three"))) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        Cli cli = Cli.on(url.redacted(), folder);
        cli.run("db", "upgrade", "0002");
        Files.writeString(folder.resolve("0001_create_gauges.yaml"), "# edited\n", StandardOpenOption.APPEND);

        CliResult current = cli.run("db", "current");
        CliResult upgrade = cli.run("db", "upgrade");

        for (CliResult result : new CliResult[] {current, upgrade}) {
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("0001_create_gauges.yaml", "edited", "restore the file",
                    "new revision");
        }
        assertThat(db.tables()).doesNotContain("meters");
    }

    @Test
    void lintReportsRiskyStepsAndExitsOne() {
        CliResult fixture = Cli.on(url.redacted(), FIXTURES.resolve("lint")).run("db", "lint");
        CliResult one = Cli.on(url.redacted(), FIXTURES.resolve("lint")).run("db", "lint", "0001");
        CliResult real = Cli.on(url.redacted()).run("db", "lint");

        assertThat(fixture.exitCode()).isEqualTo(1);
        assertThat(fixture.stdout().lines()).containsExactly(
                "lint[index-concurrently] 0002_index_gauge_label.yaml: CREATE INDEX ix_gauges_label ON gauges(label) "
                        + "locks writes to gauges while the index builds (SHARE lock); use CREATE INDEX CONCURRENTLY in a "
                        + "revision of its own (runInTransaction: false)",
                "lint[drop-column] 0003_drop_gauge_label.yaml: ALTER TABLE gauges DROP COLUMN label drops column "
                        + "gauges.label and its values (ACCESS EXCLUSIVE lock); stop reading and writing the column in a "
                        + "release first, then drop it in a later revision");
        assertThat(one.exitCode()).isZero();
        assertThat(real.exitCode()).as(real.stdout()).isZero();
    }

    @Test
    void upgradeStopsADestructiveStepOnRowsUnlessDataLossIsAllowed() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("lint"));
        cli.run("db", "upgrade", "0001");
        db.execute("INSERT INTO gauges (id, label) VALUES (1, 'north feeder')");

        CliResult refused = cli.run("db", "upgrade");
        CliResult allowed = cli.run("db", "upgrade", "--allow-data-loss");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).contains("warning: lint[index-concurrently]", "refused: lint[drop-column]",
                "gauges.label holds 1 row", "--allow-data-loss");
        assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
        assertThat(allowed.stdout()).isEqualTo("0002  index gauge label\n0003  drop gauge label\n");
    }

    @Test
    void upgradeRunsRiskyStepsOnEmptyTablesWithoutComplaint() {
        CliResult result = Cli.on(url.redacted(), FIXTURES.resolve("lint")).run("db", "upgrade");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).doesNotContain("warning", "refused");
    }

    @Test
    void downgradeRefusesWhenRowsWouldBeLost() throws Exception {
        Cli cli = Cli.on(url.redacted());
        cli.run("db", "upgrade");
        db.execute("INSERT INTO users (id, email, hashed_password) VALUES (gen_random_uuid(), 'a@example.com', 'x'), "
                + "(gen_random_uuid(), 'b@example.com', 'x')");

        CliResult refused = cli.run("db", "downgrade", "base");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("users (2 rows)", "--allow-data-loss", "nothing was changed")
                .doesNotContain("findings (");
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0001 (head)\n");
        assertThat(db.rows("SELECT count(*) FROM users")).containsExactly("2");

        CliResult allowed = cli.run("db", "downgrade", "base", "--allow-data-loss");

        assertThat(allowed.exitCode()).isZero();
        assertThat(db.tables()).containsExactly("auditeng_revision");
    }

    @Test
    void downgradeOfADroppedColumnNamesTheColumn() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("three"));
        cli.run("db", "upgrade", "0002");
        db.execute("INSERT INTO gauges (id, reading) VALUES (1, 4.5)");

        CliResult refused = cli.run("db", "downgrade", "0001");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("gauges.reading (1 row)");
    }
}
