package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The safer forms lint suggests, applied to a table with rows and rolled back; and a reviewed exception. */
class SaferFormsCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private DatabaseUrl url;
    private Catalog db;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabase.fresh();
        db = new Catalog(url);
    }

    @Test
    void theSaferFormsLintCleanlyApplyOverRowsAndRollBack() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("safe-forms"));
        cli.run("db", "upgrade", "0001");
        db.execute("INSERT INTO gauges (id, label, reading) SELECT n, 'gauge ' || n, n FROM generate_series(1, 50) n");

        CliResult lint = cli.run("db", "lint");
        CliResult up = cli.run("db", "upgrade");

        assertThat(lint.exitCode()).as(lint.stdout()).isZero();
        assertThat(lint.stdout()).isEmpty();
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stderr()).doesNotContain("warning", "refused");
        assertThat(db.rows("SELECT conname || ' ' || contype::text || ' ' || convalidated FROM pg_constraint "
                + "WHERE conrelid = 'gauges'::regclass ORDER BY 1"))
                .containsExactly("ck_gauges_reading c true", "pk_gauges p true", "uq_gauges_label u true");
        assertThat(db.rows("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'gauges' "
                + "AND column_name = 'label'")).containsExactly("NO");

        CliResult down = cli.run("db", "downgrade", "0001");

        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(db.rows("SELECT conname FROM pg_constraint WHERE conrelid = 'gauges'::regclass"))
                .containsExactly("pk_gauges");
        assertThat(db.indexes()).noneMatch(index -> index.startsWith("uq_gauges_label"));
        assertThat(db.rows("SELECT count(*) FROM gauges")).containsExactly("50");
    }

    @Test
    void lintJsonGivesTheReasonOfAnAcceptedFinding() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("accepted"));

        CliResult lint = cli.run("db", "lint", "--json");

        JsonNode finding = new ObjectMapper().readTree(lint.stdout()).get("findings").get(0);
        assertThat(lint.exitCode()).isZero();
        assertThat(finding.get("rule").asText()).isEqualTo("set-not-null");
        assertThat(finding.get("accepted").asText()).isEqualTo("gauges holds a few hundred rows; the scan takes milliseconds");
    }

    @Test
    void anAcceptedFindingIsShownAsAcceptedAndDoesNotFailLint() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("accepted"));

        CliResult lint = cli.run("db", "lint");

        assertThat(lint.exitCode()).isZero();
        assertThat(lint.stdout()).isEqualTo("accepted: lint[set-not-null] 0002_label_not_null.yaml: ALTER TABLE gauges "
                + "ALTER COLUMN label SET NOT NULL scans all of gauges to prove label holds no NULL while no one can read "
                + "or write it (ACCESS EXCLUSIVE lock): gauges holds a few hundred rows; the scan takes milliseconds\n");
        assertThat(lint.stderr()).isEmpty();
    }

    @Test
    void upgradeNotesAnAcceptedFindingOnRowsInsteadOfWarning() throws Exception {
        Cli cli = Cli.on(url.redacted(), FIXTURES.resolve("accepted"));
        cli.run("db", "upgrade", "0001");
        db.execute("INSERT INTO gauges (id, label) VALUES (1, 'north')");

        CliResult up = cli.run("db", "upgrade");

        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stderr()).contains("accepted: lint[set-not-null]", "(gauges holds 1 row)")
                .doesNotContain("warning");
    }
}
