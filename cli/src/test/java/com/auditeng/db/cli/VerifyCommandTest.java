package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {
    // the folder in the sources, not the copy in target/classes, which keeps a revision deleted from the sources
    private static final Path REVISIONS = Path.of("..", "migrate", "src", "main", "resources", "db", "migrations");

    @Test
    void verifyPassesOnTheRealRevisionsWithALinePerRevision() {
        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "verify");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("0001  initial schema: up, down, up ok\n");
        assertThat(result.stderr()).isEqualTo("note: 1 revision(s) verified; head matches the model\n");
    }

    @Test
    void verifyFailsOnTheRevisionWhoseRollbackIsWrongAndNamesWhatDiffers() throws URISyntaxException {
        Path brokenRollback = Path.of(getClass().getResource("/autogen/broken-rollback").toURI());

        CliResult result = Cli.runShared("--migrations", brokenRollback.toString(), "db", "verify");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("0001  notes: up, down, up ok\n"
                + "0002  pin notes: FAILED\n"
                + "  notes.pinned: column (boolean) in the schema after the downgrade, not in the schema before "
                + "the upgrade\n");
        assertThat(result.stderr()).startsWith("error: revision 0002_pin_notes.yaml: its rollback does not restore");
    }

    @Test
    void verifyLocksPassesOnTheRealRevisionsWithALinePerStatement() {
        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "verify", "--locks");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("0001  initial schema\n"
                + "   1  CREATE TABLE users (id UUID NOT NULL, email VAR...  no locks on existing relations   no rewrite\n");
        assertThat(result.stdout().lines().filter(line -> line.contains("no locks on existing relations"))).hasSize(13);
        assertThat(result.stdout()).doesNotContain("problem:");
        assertThat(result.stderr()).isEqualTo("note: 1 revision(s) traced with up to 1000 generated rows a table; "
                + "no ACCESS EXCLUSIVE lock is held while a later statement scans or rewrites a table\n");
    }

    @Test
    void verifyLocksShowsANullableColumnTakesAccessExclusiveWithoutARewrite() {
        CliResult result = Cli.runShared("--migrations", fixture("locks-add-column"), "db", "verify", "--locks");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("0002  add gauge note\n  1  ALTER TABLE gauges ADD note TEXT"
                + "                    gauges: AccessExclusiveLock   no rewrite\n");
        assertThat(result.stdout()).containsPattern("ACCESS EXCLUSIVE on gauges from statement 1 to commit: "
                + "[0-9.]+ ms, across no later statement");
        assertThat(result.stderr()).startsWith("note: 2 revision(s) traced");
    }

    @Test
    void verifyLocksReportsTheRewriteOfAnIntegerWidenedToBigint() {
        CliResult result = Cli.runShared("--migrations", fixture("locks-widen"), "db", "verify", "--locks");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("  1  ALTER TABLE gauges ALTER COLUMN reading TYPE BI...  "
                + "gauges: AccessExclusiveLock, ShareLock; pk_gauges: AccessExclusiveLock   rewrites gauges, pk_gauges\n");
        assertThat(result.stderr()).startsWith("note: 2 revision(s) traced");
    }

    @Test
    void verifyLocksFailsWhenAnUpdateRunsUnderTheAccessExclusiveLockOfAnEarlierStatement() {
        CliResult result = Cli.runShared("--migrations", fixture("locks-backfill"), "db", "verify", "--locks");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).containsPattern("  2  UPDATE findings SET reviewer_note = ''  +findings: "
                + "AccessExclusiveLock, RowExclusiveLock; .*   no rewrite  \\(held ACCESS EXCLUSIVE since statement 1: "
                + "[0-9.]+ ms\\)\n");
        assertThat(result.stdout()).contains("  problem: ACCESS EXCLUSIVE on findings taken by statement 1 is held "
                + "while statement 2 scans the table; put statement 2 in a revision of its own");
        assertThat(result.stderr()).isEqualTo("error: revision 0002_add_finding_reviewer_note.yaml: statement 2 "
                + "(UPDATE findings SET reviewer_note = '') scans the table while statement 1 holds ACCESS EXCLUSIVE "
                + "on findings; put statement 2 in a revision of its own (a batched backfill, for a large table)\n");
    }

    @Test
    void verifyLocksSeesOnlyAShareUpdateExclusiveLockForAConcurrentIndexOutsideATransaction() {
        CliResult result = Cli.runShared("--migrations", fixture("concurrent"), "db", "verify", "--locks");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("0002  index gauges concurrently  (runInTransaction: false: each "
                + "statement commits alone)\n  1  CREATE INDEX CONCURRENTLY ix_gauges_label ON ga...  "
                + "no transaction; seen while it ran: gauges: ShareUpdateExclusiveLock   no rewrite\n");
        assertThat(result.stdout()).doesNotContain("AccessExclusiveLock", "ACCESS EXCLUSIVE");
    }

    @Test
    void verifyLocksSaysWhichTableItCouldNotFillAndTracesTheRevisionAnyway() {
        CliResult result = Cli.runShared("--migrations", fixture("locks-fill"), "db", "verify", "--locks");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("0002  add meter serial\n  table codes left empty: new row for relation "
                + "\"codes\" violates check constraint \"codes_code_check\"\n  1  ALTER TABLE meters ADD serial TEXT");
        assertThat(result.stdout()).doesNotContain("table meters", "table sites");
    }

    @Test
    void verifyLocksJsonGivesEachStatementItsLocksRewritesAndHold() throws IOException {
        CliResult result = Cli.runShared("--migrations", fixture("locks-backfill"), "db", "verify", "--locks",
                "--json");

        JsonNode document = new ObjectMapper().readTree(result.stdout());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEmpty();
        assertThat(document.get("ok").asBoolean()).isFalse();
        JsonNode revision = document.get("revisions").get(1);
        assertThat(revision.get("id").asText()).isEqualTo("0002");
        assertThat(revision.get("message").asText()).isEqualTo("add finding reviewer note");
        assertThat(revision.get("tables").findValuesAsText("table")).containsExactly("users", "tasks", "analyses",
                "findings");
        assertThat(revision.get("tables").findValues("rows")).allSatisfy(rows -> assertThat(rows.asInt()).isEqualTo(1000));
        JsonNode add = revision.get("statements").get(0);
        assertThat(add.get("number").asInt()).isEqualTo(1);
        assertThat(add.get("sql").asText()).isEqualTo("ALTER TABLE findings ADD reviewer_note TEXT");
        assertThat(add.get("locks").toString()).isEqualTo("[{\"relation\":\"findings\",\"mode\":\"AccessExclusiveLock\"}]");
        assertThat(add.get("rewritten").size()).isZero();
        assertThat(add.get("duration_ms").isNumber()).isTrue();
        assertThat(add.get("access_exclusive_held_since").isNull()).isTrue();
        JsonNode update = revision.get("statements").get(1);
        assertThat(update.get("access_exclusive_held_since").asInt()).isEqualTo(1);
        assertThat(update.get("access_exclusive_held_ms").isNumber()).isTrue();
        assertThat(revision.get("access_exclusive").get(0).get("held_across").toString()).isEqualTo("[2]");
        JsonNode problem = revision.get("problems").get(0);
        assertThat(problem.get("statement").asInt()).isEqualTo(2);
        assertThat(problem.get("relation").asText()).isEqualTo("findings");
        assertThat(problem.get("taken_by").asInt()).isEqualTo(1);
        assertThat(problem.get("safer_form").asText()).startsWith("put statement 2 in a revision of its own");
    }

    private String fixture(String name) {
        try {
            return Path.of(getClass().getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
