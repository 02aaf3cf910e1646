package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A file that looks like a revision but is not named like one stops the command instead of being skipped. */
class MisnamedRevisionTest {
    private static final Path THREE = Path.of("src/test/resources/fixtures/three");

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"0004_add-priority.yaml", "0004-add_priority.yaml", "0004_x.YAML", "4_x.yaml",
            "00004_x.yaml", "0004_x.Yml", "0004.yaml", "0004_x.yaml.bak", "add_priority.yaml", "notes.yml"})
    void aMisnamedRevisionIsAnErrorNamingTheFileAndTheForm(String name) throws IOException {
        copyThree();
        Files.writeString(folder.resolve(name), "databaseChangeLog: []\n");

        CliResult result = Cli.on(TestDatabase.fresh().redacted(), folder).run("db", "upgrade");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("error: ").contains(name, "NNNN_slug.yaml", "four digits")
                .hasLineCount(1);
    }

    @Test
    void filesThatDoNotLookLikeRevisionsAreIgnoredAndTheYmlSpellingIsAccepted() throws IOException {
        copyThree();
        Files.move(folder.resolve("0003_create_meters.yaml"), folder.resolve("0003_create_meters.yml"));
        for (String name : new String[] {"README.md", ".gitkeep", "notes.txt", ".0004_draft.yaml.swp"}) {
            Files.writeString(folder.resolve(name), "not a revision\n");
        }

        CliResult result = Cli.on(TestDatabase.fresh().redacted(), folder).run("db", "upgrade");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("0001  create gauges\n0002  add gauge reading\n0003  create meters\n");
    }

    private void copyThree() throws IOException {
        try (var files = Files.list(THREE)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
    }
}
