package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {
    // the folder in the sources, not the copy in target/classes, which keeps a revision deleted from the sources
    private static final Path REVISIONS = Path.of("src", "main", "resources", "db", "migrations");

    @Test
    void verifyPassesOnTheRealRevisionsWithALinePerRevision() {
        CliResult result = Cli.runRaw("--migrations", REVISIONS.toString(), "db", "verify");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("0001  initial schema: up, down, up ok\n");
        assertThat(result.stderr()).isEqualTo("note: 1 revision(s) verified; head matches the model\n");
    }

    @Test
    void verifyFailsOnTheRevisionWhoseRollbackIsWrongAndNamesWhatDiffers() throws URISyntaxException {
        Path brokenRollback = Path.of(getClass().getResource("/autogen/broken-rollback").toURI());

        CliResult result = Cli.runRaw("--migrations", brokenRollback.toString(), "db", "verify");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo("0001  notes: up, down, up ok\n"
                + "0002  pin notes: FAILED\n"
                + "  notes.pinned: column (boolean) in the schema after the downgrade, not in the schema before "
                + "the upgrade\n");
        assertThat(result.stderr()).startsWith("error: revision 0002_pin_notes.yaml: its rollback does not restore");
    }
}
