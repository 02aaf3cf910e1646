package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Two branches each wrote revision 0002; after the merge, db rebase moves this branch's after the other's. */
class RebaseTest {
    private static final Path PHASES = Path.of("src/test/resources/fixtures/phases");

    private static final String SERIAL = "# Revision 0002_add_gauge_serial: add gauge serial\ndatabaseChangeLog:\n"
            + "  - changeSet:\n      id: 0002-serial\n      author: test\n      changes:\n"
            + "        - sql: {sql: \"ALTER TABLE gauges ADD serial VARCHAR(20) DEFAULT '0002'\"}\n      rollback:\n"
            + "        - sql: {sql: \"ALTER TABLE gauges DROP COLUMN serial\"}\n";
    // older revisions end with this change set; its tag compiles to no SQL, yet names the revision's number
    private static final String OLDER_TAG = "  - changeSet:\n      id: 0002-tag\n      author: test\n      changes:\n"
            + "        - tagDatabase:\n            tag: \"0002\"\n";

    @TempDir
    Path migrations;

    @BeforeEach
    void aMergeThatLeftTwoRevisionsNumbered0002() throws IOException {
        Files.copy(PHASES.resolve("0001_create_gauges.yaml"), migrations.resolve("0001_create_gauges.yaml"));
        Files.copy(PHASES.resolve("0002_add_gauge_unit.yaml"), migrations.resolve("0002_add_gauge_unit.yaml"));
        Files.writeString(migrations.resolve("0002_add_gauge_serial.yaml"), SERIAL);
    }

    @Test
    void rebaseMovesThisBranchsRevisionAfterTheOthersAndTheResultUpgrades() throws IOException {
        DatabaseUrl url = TestDatabase.fresh();
        CliResult before = Cli.on(url.redacted(), migrations).run("db", "upgrade");

        CliResult rebase = Cli.runRaw("--migrations", migrations.toString(), "db", "rebase", "0002_add_gauge_serial.yaml");
        CliResult upgrade = Cli.on(url.redacted(), migrations).run("db", "upgrade");

        assertThat(before.exitCode()).isEqualTo(3);
        assertThat(before.stderr()).contains("two revisions are numbered 0002");
        assertThat(rebase.exitCode()).as(rebase.stderr()).isZero();
        assertThat(rebase.stdout()).isEqualTo("0002_add_gauge_serial.yaml -> 0003_add_gauge_serial.yaml\n");
        assertThat(Files.readString(migrations.resolve("0003_add_gauge_serial.yaml")))
                .isEqualTo(SERIAL.replace("0002_add", "0003_add").replace("0002-serial", "0003-serial"));
        assertThat(Files.readString(migrations.resolve("head.txt"))).isEqualTo("0003_add_gauge_serial\n");
        assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
        assertThat(upgrade.stdout()).isEqualTo("0001  create gauges\n0002  add gauge unit\n0003  add gauge serial\n");
        assertThat(new Catalog(url).columns()).contains("gauges.serial varchar(20) null default '0002'::character varying");
    }

    @Test
    void rebaseRenumbersTheTagAnOlderRevisionEndsWith() throws IOException {
        Files.writeString(migrations.resolve("0002_add_gauge_serial.yaml"), SERIAL + OLDER_TAG);
        DatabaseUrl url = TestDatabase.fresh();

        CliResult rebase = Cli.runRaw("--migrations", migrations.toString(), "db", "rebase", "0002_add_gauge_serial.yaml");
        CliResult upgrade = Cli.on(url.redacted(), migrations).run("db", "upgrade");

        assertThat(rebase.exitCode()).as(rebase.stderr()).isZero();
        assertThat(Files.readString(migrations.resolve("0003_add_gauge_serial.yaml"))).contains(
                "# Revision 0003_add_gauge_serial", "id: 0003-serial", "id: 0003-tag", "tag: \"0003\"",
                "DEFAULT '0002'");
        assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
        assertThat(upgrade.stdout()).isEqualTo("0001  create gauges\n0002  add gauge unit\n0003  add gauge serial\n");
    }

    // the tracking table keeps no extension: a .yml file is matched as a .yaml one is
    @ParameterizedTest
    @ValueSource(strings = {"yaml", "yml"})
    void rebaseRefusesARevisionTheNamedDatabaseHasApplied(String extension) throws IOException {
        String serial = "0002_add_gauge_serial." + extension;
        Files.move(migrations.resolve("0002_add_gauge_serial.yaml"), migrations.resolve(serial));
        DatabaseUrl url = TestDatabase.fresh();
        Path branch = Files.createDirectories(migrations.resolve("branch"));
        Files.copy(migrations.resolve("0001_create_gauges.yaml"), branch.resolve("0001_create_gauges.yaml"));
        Files.copy(migrations.resolve(serial), branch.resolve(serial));
        Cli.on(url.redacted(), branch).run("db", "upgrade");

        CliResult rebase = Cli.on(url.redacted(), migrations).run("db", "rebase", serial);

        assertThat(rebase.exitCode()).as(rebase.stderr()).isEqualTo(1);
        assertThat(rebase.stderr()).contains("has applied " + serial + "; downgrade it below 0002 first");
        assertThat(migrations.resolve(serial)).exists();
    }
}
