package com.auditeng.db.docs;

import com.auditeng.db.CliResult;
import com.auditeng.db.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/schema.svg, shown in the README, is the picture db diagram draws of the revisions today. */
class SchemaDiagramTest {
    private static final Path COMMITTED = Path.of("..", "docs", "schema.svg");
    private static final Path REVISIONS = Path.of("..", "migrate", "src", "main", "resources", "db", "migrations");

    @TempDir
    Path folder;

    @Test
    void committedSchemaSvgIsWhatDbDiagramDrawsOfTheRevisions() throws Exception {
        Path drawn = folder.resolve("schema.svg");

        CliResult result = Cli.runShared("--migrations", REVISIONS.toString(), "db", "diagram", "--svg",
                drawn.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(COMMITTED).exists();
        // a checkout with CRLF line endings holds the same picture
        String committed = Files.readString(COMMITTED).replace("\r\n", "\n");
        assertThat(Files.readString(drawn))
                .withFailMessage("docs/schema.svg is out of date with the revisions; rewrite it with "
                        + "'./auditeng db diagram --svg docs/schema.svg' and commit it")
                .isEqualTo(committed);
    }
}
