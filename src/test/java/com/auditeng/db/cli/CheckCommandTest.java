package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckCommandTest {
    private static final String FIXTURES = "com.auditeng.db.autogen.fixture.";
    // the folder in the sources, not the copy in target/classes, which keeps a revision deleted from the sources
    private static final Path REVISIONS = Path.of("src", "main", "resources", "db", "migrations");

    @TempDir
    Path migrations;

    /** Guards the project itself: the entities and the revisions can never drift apart unnoticed. */
    @Test
    void checkPrintsNothingAndExitsZeroOnTheRealModelAndRevisions() {
        CliResult result = Cli.runRaw("--migrations", REVISIONS.toString(), "db", "check");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void checkNamesTableAndColumnOfEachDifferenceAndExitsOne() {
        Cli.runRaw("--migrations", migrations.toString(), "db", "revision", "--autogenerate", "-m", "base",
                "--model", FIXTURES + "base");

        CliResult result = Cli.runRaw("--migrations", migrations.toString(), "db", "check",
                "--model", FIXTURES + "addcolumn");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEqualTo(
                "books.in_print: column (boolean NOT NULL) in the model, not in the revisions\n"
                        + "books.isbn: column (varchar(20)) in the model, not in the revisions\n");
        assertThat(result.stderr()).startsWith("error: 2 difference(s) between the entities and the revisions; ")
                .contains("db revision --autogenerate");
    }

    @Test
    void checkRefusesAModelPackageWithoutEntities() {
        CliResult result = Cli.runRaw("db", "check", "--model", "com.auditeng.db.nothing");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("no @Entity classes in package com.auditeng.db.nothing", "--model");
    }
}
