package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Type changes over rows, both ways: widening passes without --allow-data-loss, narrowing is refused with the count
 * of the values that would not fit, and nothing is ever truncated; a rollback that cannot run on rows is refused first.
 */
class TypeChangeCommandTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final String LONG_NAME = "a".repeat(300) + ".pdf";

    private DatabaseUrl url;
    private Catalog db;
    private Cli cli;

    @BeforeEach
    void freshDatabase() {
        url = TestDatabase.fresh();
        db = new Catalog(url);
        cli = Cli.on(url.redacted(), FIXTURES.resolve("widen"));
    }

    @Test
    void aWideningUpgradeOverRowsPassesWithoutAllowingDataLoss() throws Exception {
        cli.run("db", "upgrade", "0001");
        db.execute("INSERT INTO documents (id, original_filename, size) VALUES (1, 'report.pdf', 10)");

        CliResult up = cli.run("db", "upgrade", "0002");

        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stderr()).doesNotContain("warning", "refused");
        assertThat(db.columns()).anyMatch(column -> column.startsWith("documents.original_filename varchar(500)"));
    }

    @Test
    void aDowngradeThatWouldNotFitAWidenedValueIsRefusedNamingTheColumnAndCount() throws Exception {
        cli.run("db", "upgrade", "0002");
        db.execute("INSERT INTO documents (id, original_filename) VALUES (1, '" + LONG_NAME + "'), (2, 'short.pdf')");

        CliResult refused = cli.run("db", "downgrade", "-1");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).contains("downgrade would lose data in documents.original_filename "
                + "(1 row whose value does not fit the new type)", "nothing was changed", "--allow-data-loss");
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0002\n");
        assertThat(db.rows("SELECT max(length(original_filename)) FROM documents")).containsExactly("304");
    }

    @Test
    void aNarrowingRollbackRefusesTooLongValuesInsteadOfTruncatingThem() throws Exception {
        cli.run("db", "upgrade", "0002");
        db.execute("INSERT INTO documents (id, original_filename) VALUES (1, '" + LONG_NAME + "')");

        CliResult forced = cli.run("db", "downgrade", "-1", "--allow-data-loss");

        assertThat(forced.exitCode()).isEqualTo(4);
        assertThat(forced.stderr()).contains("value too long for type character varying(255)");
        assertThat(db.rows("SELECT length(original_filename) FROM documents")).containsExactly("304");
        assertThat(cli.run("db", "downgrade", "--sql", "0002:0001").stdout())
                .contains("ALTER TABLE documents ALTER COLUMN original_filename TYPE VARCHAR(255);")
                .doesNotContain("USING");
    }

    @Test
    void aNarrowingRollbackOverValuesThatFitPasses() throws Exception {
        cli.run("db", "upgrade", "0002");
        db.execute("INSERT INTO documents (id, original_filename) VALUES (1, 'report.pdf')");

        CliResult down = cli.run("db", "downgrade", "-1");

        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(db.rows("SELECT original_filename FROM documents")).containsExactly("report.pdf");
    }

    @Test
    void integerToBigintIsReportedAsARewriteButNotAsDataLoss() throws Exception {
        cli.run("db", "upgrade", "0002");
        db.execute("INSERT INTO documents (id, original_filename, size) VALUES (1, 'report.pdf', 10)");

        CliResult lint = cli.run("db", "lint", "0003");
        CliResult up = cli.run("db", "upgrade");

        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.stdout()).startsWith("lint[type-rewrite] 0003_widen_size.yaml: ALTER TABLE documents ALTER "
                + "COLUMN size TYPE BIGINT").contains("from integer to bigint", "rewrites the table", "ACCESS EXCLUSIVE");
        assertThat(lint.stdout().lines()).hasSize(1);
        assertThat(up.exitCode()).as(up.stderr()).isZero();
        assertThat(up.stderr()).contains("warning: lint[type-rewrite]").doesNotContain("refused");
    }

    @Test
    void bigintBackToIntegerIsRefusedOnlyForValuesOutOfRange() throws Exception {
        cli.run("db", "upgrade");
        db.execute("INSERT INTO documents (id, original_filename, size) VALUES (1, 'a.pdf', 10), "
                + "(2, 'b.pdf', 5000000000), (3, 'c.pdf', -5000000000)");

        CliResult refused = cli.run("db", "downgrade", "-1");
        db.execute("DELETE FROM documents WHERE id > 1");
        CliResult down = cli.run("db", "downgrade", "-1");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).contains("documents.size (2 rows whose values do not fit the new type)");
        assertThat(down.exitCode()).as(down.stderr()).isZero();
        assertThat(db.rows("SELECT size FROM documents")).containsExactly("10");
    }

    @Test
    void aRollbackAddingANotNullColumnWithoutDefaultOverRowsIsRefusedBeforeItRuns() throws Exception {
        Cli rollback = Cli.on(url.redacted(), FIXTURES.resolve("rollback-not-null"));
        rollback.run("db", "upgrade");
        db.execute("INSERT INTO gauges (id) VALUES (1), (2)");

        CliResult refused = rollback.run("db", "downgrade", "0001", "--allow-data-loss");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr().lines().filter(line -> !line.isBlank())).singleElement().asString()
                .isEqualTo("error: downgrade would fail: 0002_drop_gauge_label.yaml adds NOT NULL column gauges.label "
                        + "without a default, and gauges holds 2 rows; nothing was changed; write a default in the "
                        + "rollback (defaultValue or defaultValueComputed on the column), or let the rollback add the "
                        + "column nullable");
        assertThat(rollback.run("db", "current").stdout()).isEqualTo("0002 (head)\n");
    }
}
