package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RevisionCommandTest {
    private static final String FIXTURES = "com.auditeng.db.autogen.fixture.";

    @TempDir
    Path migrations;

    @Test
    void revisionWritesAnEmptyTemplateThatVerifies() throws IOException {
        CliResult result = revision("-m", "Add task priority!");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(migrations.resolve("0001_add_task_priority.yaml") + "\n");
        assertThat(result.stderr()).isEmpty();
        assertThat(Files.readString(migrations.resolve("0001_add_task_priority.yaml")))
                .contains("databaseChangeLog:\n  # - changeSet:").doesNotContain("tagDatabase");
        assertThat(Cli.runShared("--migrations", migrations.toString(), "db", "verify", "--model", FIXTURES + "base")
                .stdout()).startsWith("0001  add task priority: up, down, up ok");
    }

    @Test
    void autogenerateWritesTheNextRevisionAndThenFindsNothingToDo() throws IOException {
        CliResult first = revision("--autogenerate", "-m", "base", "--model", FIXTURES + "base");

        CliResult second = revision("--autogenerate", "-m", "again", "--model", FIXTURES + "base");

        assertThat(first.exitCode()).isZero();
        assertThat(first.stdout()).isEqualTo(migrations.resolve("0001_base.yaml") + "\n");
        assertThat(first.stderr()).isEmpty();
        assertThat(second.exitCode()).isZero();
        assertThat(second.stdout()).isEmpty();
        assertThat(second.stderr()).isEqualTo("note: the entities match the schema the revisions build; "
                + "no revision written\n");
        assertThat(fileNames()).containsExactly("0001_base.yaml");
        assertThat(Files.readString(migrations.resolve("0001_base.yaml"))).contains("createTable")
                .doesNotContain("tagDatabase", "-tag\n");
    }

    @Test
    void autogenerateSplitsAnUnhintedRenameIntoExpandAndContractAndFlagsTheDestructiveDrop() throws IOException {
        revision("--autogenerate", "-m", "base", "--model", FIXTURES + "base");

        CliResult result = revision("--autogenerate", "-m", "heading", "--model", FIXTURES + "renamecolumn");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(migrations.resolve("0002_heading.yaml") + "\n"
                + migrations.resolve("0003_heading_indexes.yaml") + "\n"
                + migrations.resolve("0004_heading_contract.yaml") + "\n");
        assertThat(result.stderr()).contains("warning: likely rename: column books.title is dropped and books.heading "
                        + "(varchar(200)) added; if it is a rename, rerun with --rename books.title=heading",
                "warning: 0004_heading_contract.yaml drops column books.title and the data in it (marked DESTRUCTIVE",
                "note: 0002_heading.yaml expand: ", "note: 0004_heading_contract.yaml contract: ");
        assertThat(Files.readString(migrations.resolve("0002_heading.yaml"))).contains("labels: expand", "addColumn")
                .doesNotContain("dropColumn: {tableName: books, columnName: title}", "labels: contract");
        assertThat(Files.readString(migrations.resolve("0004_heading_contract.yaml")))
                .contains("# LIKELY RENAME:", "labels: contract", "dropColumn").doesNotContain("labels: expand");
    }

    @Test
    void autogenerateWithARenameHintWritesTheNewColumnBesideTheOldOneKeptInStepUntilTheContract() throws IOException {
        revision("--autogenerate", "-m", "base", "--model", FIXTURES + "base");

        CliResult result = revision("--autogenerate", "-m", "heading", "--model", FIXTURES + "renamecolumn",
                "--rename", "books.title=heading");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo(migrations.resolve("0002_heading.yaml") + "\n"
                + migrations.resolve("0003_heading_backfill.yaml") + "\n"
                + migrations.resolve("0004_heading_indexes.yaml") + "\n"
                + migrations.resolve("0005_heading_contract.yaml") + "\n");
        assertThat(result.stderr()).contains("note: 0002_heading.yaml expand: ", "a trigger copies each write",
                "note: 0003_heading_backfill.yaml expand (backfill): copies books.title into books.heading",
                "note: 0005_heading_contract.yaml contract: ", "note: accepted: lint[drop-column] 0005_heading_contract"
                        + ".yaml: ALTER TABLE books DROP COLUMN title").doesNotContain("DESTRUCTIVE", "lint[rename]",
                "warning");
        assertThat(Files.readString(migrations.resolve("0002_heading.yaml")))
                .contains("CREATE FUNCTION books_sync_title_heading()", "CREATE TRIGGER books_sync_title_heading")
                .doesNotContain("renameColumn", "dropColumn: {tableName: books, columnName: title}");
        assertThat(Files.readString(migrations.resolve("0005_heading_contract.yaml")))
                .contains("DROP TRIGGER books_sync_title_heading", "dropColumn: {tableName: books, columnName: title}",
                        "lint-accept: drop-column");
    }

    @Test
    void twoRevisionsWithTheSameNumberAreAnErrorNamingBoth() throws IOException {
        Files.writeString(migrations.resolve("0001_left.yaml"), "databaseChangeLog: []\n");
        Files.writeString(migrations.resolve("0001_right.yaml"), "databaseChangeLog: []\n");

        CliResult result = revision("-m", "third");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("0001_left.yaml", "0001_right.yaml");
    }

    @Test
    void revisionWithoutAMigrationsFolderNamesTheFlagAndTheVariable() {
        assumeTrue(System.getenv("AUDITENG_MIGRATIONS") == null, "AUDITENG_MIGRATIONS is set in this environment");

        CliResult result = Cli.runShared("db", "revision", "-m", "anything");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("--migrations", "AUDITENG_MIGRATIONS");
    }

    @Test
    void indexesOnExistingTablesAreBuiltConcurrentlyInARevisionOfTheirOwn() throws IOException {
        revision("--autogenerate", "-m", "base", "--model", FIXTURES + "base");

        CliResult result = revision("--autogenerate", "-m", "more indexes", "--model", FIXTURES + "index");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(fileNames()).contains("0002_more_indexes.yaml", "0003_more_indexes_indexes.yaml",
                "0004_more_indexes_contract.yaml");
        assertThat(Files.readString(migrations.resolve("0003_more_indexes_indexes.yaml")))
                .contains("runInTransaction: false", "CREATE INDEX CONCURRENTLY ix_books_title_pages ON books (title, "
                        + "pages)", "DROP INDEX CONCURRENTLY ix_books_title_pages", "CREATE UNIQUE INDEX "
                        + "CONCURRENTLY")
                .doesNotContain("createIndex", "addUniqueConstraint", "tagDatabase");
        assertThat(Files.readString(migrations.resolve("0004_more_indexes_contract.yaml")))
                .contains("labels: contract", "UNIQUE USING INDEX");
        CliResult verify = Cli.runShared("--migrations", migrations.toString(), "db", "verify", "--model",
                FIXTURES + "index");
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
    }

    @Test
    void revisionNamesTheNewHeadInTheMarkerAndCheckFailsWhenAMergeLeftItBehind() throws IOException {
        revision("-m", "create gauges");
        String afterRevision = Files.readString(migrations.resolve("head.txt"));
        // what a merge of another branch's revision brings without touching the marker
        Files.writeString(migrations.resolve("0002_from_another_branch.yaml"),
                Files.readString(migrations.resolve("0001_create_gauges.yaml")).replace("0001", "0002"));

        CliResult check = Cli.runShared("--migrations", migrations.toString(), "db", "check", "--model",
                FIXTURES + "base");

        assertThat(afterRevision).isEqualTo("0001_create_gauges\n");
        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.stderr()).contains("head.txt names 0001_create_gauges but the folder's head is "
                + "0002_from_another_branch");
    }

    @Test
    void checkNamesAMergeConflictInTheHeadMarker() throws IOException {
        revision("-m", "create gauges");
        Files.writeString(migrations.resolve("head.txt"), "<<<<<<< HEAD\n0001_create_gauges\n=======\n"
                + "0001_add_meters\n>>>>>>> other\n");

        CliResult check = Cli.runShared("--migrations", migrations.toString(), "db", "check", "--model",
                FIXTURES + "base");

        assertThat(check.exitCode()).isEqualTo(1);
        assertThat(check.stderr()).contains("holds a merge conflict: two branches each added a revision");
    }

    @Test
    void aRenameHintWithoutAutogenerateOrInAnotherFormIsAUsageError() {
        CliResult withoutAutogenerate = revision("-m", "x", "--rename", "books.title=heading");
        CliResult badForm = revision("--autogenerate", "-m", "x", "--rename", "books.title->heading");

        assertThat(withoutAutogenerate.exitCode()).isEqualTo(2);
        assertThat(withoutAutogenerate.stderr()).contains("--autogenerate");
        assertThat(badForm.exitCode()).isEqualTo(2);
        assertThat(badForm.stderr()).contains("TABLE.OLD=NEW", "OLD=NEW");
        assertThat(fileNames()).isEmpty();
    }

    private CliResult revision(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--migrations";
        all[1] = migrations.toString();
        all[2] = "db";
        all[3] = "revision";
        System.arraycopy(args, 0, all, 4, args.length);
        return Cli.runShared(all);
    }

    private List<String> fileNames() {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
