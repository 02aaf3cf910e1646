package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.ConfigurationException;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.startup.StartupMigration;
import com.auditeng.db.startup.StartupOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expand and contract revisions in a rolling deploy: the new version expands, the old one keeps running on the
 * expanded schema, the contract waits until the old one is gone.
 */
class PhasesTest {
    private static final Path NEW_VERSION = Path.of("src/test/resources/fixtures/phases");

    @TempDir
    Path oldVersion;
    private DatabaseUrl url;
    private Catalog db;

    @BeforeEach
    void freshDatabaseAndAnOlderVersionWithTheFirstRevisionOnly() throws IOException {
        url = TestDatabase.fresh();
        db = new Catalog(url);
        Files.copy(NEW_VERSION.resolve("0001_create_gauges.yaml"), oldVersion.resolve("0001_create_gauges.yaml"));
    }

    @Test
    void upgradePhaseExpandStopsBeforeTheFirstContractRevisionAndContractAppliesTheRest() {
        Cli cli = Cli.on(url.redacted(), NEW_VERSION);

        CliResult expand = cli.run("db", "upgrade", "--phase", "expand");
        CliResult contract = cli.run("db", "upgrade", "--phase", "contract");

        assertThat(expand.exitCode()).as(expand.stderr()).isZero();
        assertThat(expand.stdout()).isEqualTo("0001  create gauges\n0002  add gauge unit\n");
        assertThat(expand.stderr()).contains("stopping before 0003 drop gauge label, a contract revision",
                "db upgrade --phase contract");
        assertThat(contract.stdout()).isEqualTo("0003  drop gauge label\n");
        assertThat(db.columns()).filteredOn(column -> column.startsWith("gauges."))
                .containsExactly("gauges.id bigint not null", "gauges.unit varchar(20) null");
    }

    @Test
    void statusShowsWhichPendingRevisionsEachStepOfARollingDeployApplies() {
        Cli cli = Cli.on(url.redacted(), NEW_VERSION);
        cli.run("db", "upgrade", "0001");

        CliResult status = cli.run("db", "status");
        cli.run("db", "upgrade", "--phase", "expand");
        CliResult afterExpand = cli.run("db", "status", "--json");

        assertThat(status.exitCode()).as(status.stderr()).isZero();
        assertThat(status.stdout()).isEqualTo("0002  add gauge unit (expand)\n0003  drop gauge label (contract)\n");
        assertThat(status.stderr()).contains("'db upgrade --phase expand' applies 1 revision(s), then 'db upgrade' 1 more");
        assertThat(afterExpand.stdout()).contains("\"current\" : \"0002\"", "\"id\" : \"0003\"",
                "\"step\" : \"contract\"").doesNotContain("\"id\" : \"0002\"");
    }

    @Test
    void historyMarksContractRevisionsAndJsonNamesEveryPhase() {
        Cli cli = Cli.on(url.redacted(), NEW_VERSION);

        CliResult history = cli.run("db", "history");
        CliResult json = cli.run("db", "history", "--json");

        assertThat(history.stdout()).isEqualTo("0001  create gauges\n0002  add gauge unit\n"
                + "0003  drop gauge label (contract) (head)\n");
        assertThat(json.stdout()).contains("\"phase\" : \"expand\"", "\"phase\" : \"contract\"");
    }

    @Test
    void anOlderVersionRunsOnADatabaseTheNewerOneExpanded() {
        Cli.on(url.redacted(), NEW_VERSION).run("db", "upgrade", "--phase", "expand");
        Cli old = Cli.on(url.redacted(), oldVersion);

        CliResult upgrade = old.run("db", "upgrade");
        CliResult current = old.run("db", "current");
        Optional<Throwable> started = failureOf(new StartupMigration(url, Revisions.load(oldVersion),
                StartupOptions.defaults(), new PrintWriter(new StringWriter())));
        Optional<Throwable> validated = failureOf(new StartupMigration(url, Revisions.load(oldVersion),
                StartupOptions.defaults().withMode(StartupOptions.Mode.VALIDATE), new PrintWriter(new StringWriter())));

        assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
        assertThat(upgrade.stderr()).contains("warning: the database has revisions newer than this version's head "
                + "applied (0002 add gauge unit); all expand revisions");
        assertThat(current.stdout()).isEqualTo("0002 (ahead of head 0001)\n");
        assertThat(started).isEmpty();
        assertThat(validated).isEmpty();
    }

    @Test
    void anOlderVersionIsRefusedOnceAContractRevisionRan() {
        Cli.on(url.redacted(), NEW_VERSION).run("db", "upgrade");
        Cli old = Cli.on(url.redacted(), oldVersion);

        CliResult upgrade = old.run("db", "upgrade");
        Optional<Throwable> started = failureOf(new StartupMigration(url, Revisions.load(oldVersion),
                StartupOptions.defaults(), new PrintWriter(new StringWriter())));

        assertThat(upgrade.exitCode()).isEqualTo(3);
        assertThat(upgrade.stderr()).contains("revision 0003 (drop gauge label) a contract revision applied",
                "run the version that has 0003");
        assertThat(started).get().isInstanceOf(ConfigurationException.class);
        assertThat(started.get().getMessage()).contains("0003 (drop gauge label) a contract revision");
    }

    @Test
    void anOlderVersionDoesNotDowngradeADatabaseAheadOfIt() {
        Cli.on(url.redacted(), NEW_VERSION).run("db", "upgrade", "--phase", "expand");

        CliResult downgrade = Cli.on(url.redacted(), oldVersion).run("db", "downgrade", "base");

        assertThat(downgrade.exitCode()).isEqualTo(3);
        assertThat(downgrade.stderr()).contains("downgrade with the version that has their files");
        assertThat(db.tables()).contains("gauges");
    }

    @Test
    void aTrackingTableOfAnEarlierVersionGainsThePhaseAndItsRowsCountAsUnknown() throws Exception {
        Cli cli = Cli.on(url.redacted(), NEW_VERSION);
        cli.run("db", "upgrade", "0002");
        db.execute("ALTER TABLE auditeng_revision DROP COLUMN phase");

        CliResult upgrade = cli.run("db", "upgrade");
        CliResult older = Cli.on(url.redacted(), oldVersion).run("db", "current");

        assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
        assertThat(db.rows("SELECT revision || ' ' || coalesce(phase, '?') FROM auditeng_revision ORDER BY 1"))
                .containsExactly("0001 ?", "0002 ?", "0003 contract");
        assertThat(older.exitCode()).isEqualTo(3);
        assertThat(older.stderr()).contains("revision 0002 (add gauge unit) of an unknown phase applied");
    }

    @Test
    void aDatabaseThatAppliedAnotherBranchsRevisionUnderTheSameNumberIsDiagnosedAsSuch() throws IOException {
        Files.copy(NEW_VERSION.resolve("0002_add_gauge_unit.yaml"), oldVersion.resolve("0002_add_gauge_unit.yaml"));
        Cli.on(url.redacted(), oldVersion).run("db", "upgrade");
        Files.delete(oldVersion.resolve("0002_add_gauge_unit.yaml"));
        Files.writeString(oldVersion.resolve("0002_add_gauge_serial.yaml"), Files.readString(
                NEW_VERSION.resolve("0002_add_gauge_unit.yaml")).replace("unit", "serial"));

        CliResult current = Cli.on(url.redacted(), oldVersion).run("db", "current");

        assertThat(current.exitCode()).isEqualTo(1);
        assertThat(current.stderr()).contains("the database applied 0002_add_gauge_unit, but the folder's 0002 is "
                + "0002_add_gauge_serial; downgrade the database with the branch that has 0002_add_gauge_unit checked out")
                .doesNotContain("checksum");
    }

    private static Optional<Throwable> failureOf(StartupMigration migration) {
        return migration.toHead().handle((applied, error) -> Optional.ofNullable(error)).toCompletableFuture().join();
    }
}
