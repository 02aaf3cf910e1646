package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress, --quiet, --json, completion and --version: output meant for people and for pipelines. */
class OutputCommandTest {
    private static final Path THREE = Path.of("src/test/resources/fixtures/three");
    private static final ObjectMapper JSON = new ObjectMapper();
    private Cli cli;

    @BeforeEach
    void freshDatabase() {
        cli = Cli.on(TestDatabase.fresh().redacted(), THREE);
    }

    @Test
    void upgradeShowsEachRevisionStartingAndItsDurationOnStderr() {
        CliResult result = cli.run("db", "upgrade", "+2");

        assertThat(result.stdout()).isEqualTo("0001  create gauges\n0002  add gauge reading\n");
        assertThat(result.stderr()).contains("upgrading 0001 create gauges ...", "upgrading 0002 add gauge reading ...")
                .containsPattern("0002 done in \\d+ ms");
    }

    @Test
    void downgradeShowsProgressAndQuietLeavesStderrEmpty() {
        cli.run("db", "upgrade");

        CliResult loud = cli.run("db", "downgrade", "-1");
        CliResult quiet = cli.run("--quiet", "db", "downgrade", "base");

        assertThat(loud.stderr()).contains("downgrading 0003 create meters ...");
        assertThat(quiet.stdout()).isEqualTo("0002  add gauge reading\n0001  create gauges\n");
        assertThat(quiet.stderr()).isEmpty();
    }

    @Test
    void currentHistoryAndHeadsPrintDocumentedJson() throws Exception {
        cli.run("db", "upgrade", "0002");

        JsonNode current = JSON.readTree(cli.run("db", "current", "--json").stdout());
        JsonNode history = JSON.readTree(cli.run("db", "history", "--json").stdout());
        JsonNode heads = JSON.readTree(cli.run("db", "heads", "--json").stdout());

        assertThat(current.get("current").asText()).isEqualTo("0002");
        assertThat(current.get("head").asText()).isEqualTo("0003");
        assertThat(current.get("at_head").asBoolean()).isFalse();
        assertThat(history.get("revisions")).hasSize(3);
        JsonNode second = history.get("revisions").get(1);
        assertThat(second.get("id").asText()).isEqualTo("0002");
        assertThat(second.get("message").asText()).isEqualTo("add gauge reading");
        assertThat(second.get("file").asText()).isEqualTo("0002_add_gauge_reading.yaml");
        assertThat(second.get("applied").asBoolean()).isTrue();
        assertThat(second.get("current").asBoolean()).isTrue();
        assertThat(history.get("revisions").get(2).get("applied").asBoolean()).isFalse();
        assertThat(history.get("revisions").get(2).get("head").asBoolean()).isTrue();
        assertThat(heads.get("heads").get(0).asText()).isEqualTo("0003");
    }

    @Test
    void currentJsonOnAnEmptyDatabaseHasANullRevision() throws Exception {
        JsonNode current = JSON.readTree(cli.run("db", "current", "--json").stdout());

        assertThat(current.get("current").isNull()).isTrue();
    }

    @Test
    void lintPrintsDocumentedJson() throws Exception {
        CliResult result = Cli.on(TestDatabase.fresh().redacted(), Path.of("src/test/resources/fixtures/lint"))
                .run("db", "lint", "--json");

        JsonNode finding = JSON.readTree(result.stdout()).get("findings").get(1);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(finding.get("rule").asText()).isEqualTo("drop-column");
        assertThat(finding.get("revision").asText()).isEqualTo("0003");
        assertThat(finding.get("file").asText()).isEqualTo("0003_drop_gauge_label.yaml");
        assertThat(finding.get("table").asText()).isEqualTo("gauges");
        assertThat(finding.get("column").asText()).isEqualTo("label");
        assertThat(finding.get("statement").asText()).isEqualTo("ALTER TABLE gauges DROP COLUMN label");
        assertThat(finding.get("safer_form").asText()).isNotBlank();
        assertThat(finding.get("destructive").asBoolean()).isTrue();
    }

    @Test
    void completionScriptsAreGeneratedForBashAndZsh() {
        CliResult bash = Cli.runRaw("completion", "bash");
        CliResult zsh = Cli.runRaw("completion", "zsh");
        CliResult fish = Cli.runRaw("completion", "fish");

        assertThat(bash.exitCode()).isZero();
        assertThat(bash.stdout()).contains("complete -F", "upgrade", "downgrade", "--database-url");
        assertThat(zsh.stdout()).contains("bashcompinit");
        assertThat(fish.exitCode()).isEqualTo(2);
    }

    @Test
    void versionIsPrinted() {
        CliResult result = Cli.runRaw("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("auditeng ");
    }
}
