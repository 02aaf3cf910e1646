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

/** Backfill revisions: an update run in batches by primary key, each batch its own transaction. */
class BackfillTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/backfill");

    private DatabaseUrl url;
    private Catalog db;
    private Cli cli;

    @BeforeEach
    void databaseWithGaugesToFill() throws Exception {
        url = TestDatabase.fresh();
        db = new Catalog(url);
        cli = Cli.on(url.redacted(), FIXTURE);
        cli.run("db", "upgrade", "0002");
        db.execute("INSERT INTO gauges (id, label) SELECT i, 'g' || i FROM generate_series(1, 1050) i");
        db.execute("UPDATE gauges SET unit = 'kept' WHERE id = 7");
    }

    @Test
    void aBackfillFillsEveryRowItsWhereSelectsInBatchesAndRecordsTheRevisionAtTheEnd() throws Exception {
        CliResult result = cli.run("db", "upgrade", "--json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode revision = new ObjectMapper().readTree(result.stdout()).get("revisions").get(0);
        assertThat(revision.get("id").asText()).isEqualTo("0003");
        assertThat(revision.get("backfilled_rows").asLong()).isEqualTo(1049);
        assertThat(db.rows("SELECT count(*) FROM gauges WHERE unit = 'mm/' || label")).containsExactly("1049");
        assertThat(db.rows("SELECT unit FROM gauges WHERE id = 7")).containsExactly("kept");
        assertThat(db.rows("SELECT count(*) FROM auditeng_backfill")).containsExactly("0");
        assertThat(cli.run("db", "current").stdout()).isEqualTo("0003 (head)\n");
    }

    @Test
    void aBackfillOfAReservedWordColumnInAReservedWordTableQuotesThem() throws Exception {
        DatabaseUrl reserved = TestDatabase.fresh();
        Cli on = Cli.on(reserved.redacted(), Path.of("src/test/resources/fixtures/backfill-reserved"));
        on.run("db", "upgrade", "0001");
        Catalog catalog = new Catalog(reserved);
        catalog.execute("INSERT INTO \"order\" (id, label) SELECT i, 'o' || i FROM generate_series(1, 25) i");

        CliResult result = on.run("db", "upgrade");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(catalog.rows("SELECT count(*) FROM \"order\" WHERE \"user\" = 'by ' || label")).containsExactly("25");
    }

    @Test
    void rowsWrittenAfterTheBackfillStartedAreLeftToTheApplication() throws Exception {
        db.execute("CREATE TABLE auditeng_backfill (revision VARCHAR(4) NOT NULL, last_key TEXT, upper_key TEXT, "
                + "rows_done BIGINT DEFAULT 0 NOT NULL, started_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, "
                + "CONSTRAINT auditeng_backfill_pkey PRIMARY KEY (revision)); "
                + "INSERT INTO auditeng_backfill (revision, last_key, upper_key, rows_done) VALUES ('0003', '500', '1050', 499)");
        db.execute("INSERT INTO gauges (id, label) VALUES (2000, 'new')");

        CliResult result = cli.run("db", "upgrade");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(db.rows("SELECT count(*) FROM gauges WHERE unit = 'mm/' || label")).containsExactly("550");
        assertThat(db.rows("SELECT coalesce(unit, 'none') FROM gauges WHERE id = 2000")).containsExactly("none");
    }

    @Test
    void theOfflineScriptShowsTheBackfillAsOneUpdate() {
        CliResult result = cli.run("db", "upgrade", "0002:0003", "--sql");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("UPDATE gauges SET unit = 'mm/' || label WHERE unit IS NULL");
    }
}
