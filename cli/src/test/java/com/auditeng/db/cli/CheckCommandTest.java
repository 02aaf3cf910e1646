package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    private static final String FIXTURES = "com.auditeng.db.autogen.fixture.";
    // the folder in the sources, not the copy in target/classes, which keeps a revision deleted from the sources
    private static final Path REVISIONS = Path.of("..", "migrate", "src", "main", "resources", "db", "migrations");

    @TempDir
    Path migrations;

    /** Guards the project itself: the entities and the revisions can never drift apart unnoticed. */
    @Test
    void checkPrintsNothingAndExitsZeroOnTheRealModelAndRevisions() {
        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "check");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void checkNamesTableAndColumnOfEachDifferenceAndExitsOne() {
        Cli.runShared("--migrations", migrations.toString(), "db", "revision", "--autogenerate", "-m", "base",
                "--model", FIXTURES + "base");

        CliResult result = Cli.runShared("--migrations", migrations.toString(), "db", "check",
                "--model", FIXTURES + "addcolumn");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo(
                "books.in_print: column (boolean NOT NULL) in the model, not in the revisions\n"
                        + "books.isbn: column (varchar(20)) in the model, not in the revisions\n");
        assertThat(result.stderr()).startsWith("error: 2 difference(s) between the entities and the revisions; ")
                .contains("db revision --autogenerate");
    }

    @Test
    void checkReportsAnAppliedRevisionEditedSince() throws Exception {
        Files.copy(REVISIONS.resolve("0001_initial_schema.yaml"), migrations.resolve("0001_initial_schema.yaml"));
        String url = TestDatabase.fresh().redacted();
        Cli.runShared("--database-url", url, "--migrations", migrations.toString(), "db", "upgrade");
        Files.writeString(migrations.resolve("0001_initial_schema.yaml"), "# edited\n", StandardOpenOption.APPEND);

        CliResult result = Cli.runShared("--database-url", url, "--migrations", migrations.toString(), "db", "check");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("0001_initial_schema.yaml", "edited after being applied", "restore the file",
                "new revision");
    }

    @Test
    void checkAndVerifyPrintDocumentedJson() throws Exception {
        Cli.runShared("--migrations", migrations.toString(), "db", "revision", "--autogenerate", "-m", "base",
                "--model", FIXTURES + "base");
        ObjectMapper json = new ObjectMapper();

        JsonNode check = json.readTree(Cli.runShared("--migrations", migrations.toString(), "db", "check", "--json",
                "--model", FIXTURES + "addcolumn").stdout());
        JsonNode verify = json.readTree(Cli.runShared("--migrations", migrations.toString(), "db", "verify", "--json",
                "--model", FIXTURES + "base").stdout());

        assertThat(check.get("clean").asBoolean()).isFalse();
        assertThat(check.get("differences")).hasSize(2);
        assertThat(check.get("differences").get(0).get("table").asText()).isEqualTo("books");
        assertThat(check.get("differences").get(0).get("difference").asText()).startsWith("books.in_print: column");
        assertThat(check.get("edited_revisions").isNull()).isTrue();
        assertThat(verify.get("ok").asBoolean()).isTrue();
        assertThat(verify.get("revisions").get(0).get("id").asText()).isEqualTo("0001");
        assertThat(verify.get("revisions").get(0).get("status").asText()).isEqualTo("ok");
        assertThat(verify.get("failure").isNull()).isTrue();
    }

    @Test
    void checkRefusesAModelPackageWithoutEntities() {
        CliResult result = Cli.runShared("db", "check", "--model", "com.auditeng.db.nothing");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("no @Entity classes in package com.auditeng.db.nothing", "--model");
    }
}
