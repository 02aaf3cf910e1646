package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two branches add revision 0002 in a real git repository; after merging main in, db rebase finds its own. */
class RebaseFromGitTest {
    private static final Path PHASES = Path.of("src/test/resources/fixtures/phases");

    @TempDir
    Path repository;
    private Path migrations;

    @BeforeEach
    void twoBranchesEachAddRevision0002() throws Exception {
        migrations = Files.createDirectories(repository.resolve("migrations"));
        git("init", "-q", "-b", "main");
        git("config", "user.email", "dev@example.com");
        git("config", "user.name", "dev");
        Files.copy(PHASES.resolve("0001_create_gauges.yaml"), migrations.resolve("0001_create_gauges.yaml"));
        Files.writeString(migrations.resolve("head.txt"), "0001_create_gauges\n");
        commit("0001");
        git("checkout", "-q", "-b", "serial");
        Files.writeString(migrations.resolve("0002_add_gauge_serial.yaml"), "# Revision 0002_add_gauge_serial: add "
                + "gauge serial\ndatabaseChangeLog:\n  - changeSet:\n      id: 0002-serial\n      author: test\n"
                + "      changes:\n        - sql: {sql: \"ALTER TABLE gauges ADD serial VARCHAR(20)\"}\n"
                + "      rollback:\n        - sql: {sql: \"ALTER TABLE gauges DROP COLUMN serial\"}\n");
        Files.writeString(migrations.resolve("head.txt"), "0002_add_gauge_serial\n");
        commit("serial");
        git("checkout", "-q", "main");
        Files.copy(PHASES.resolve("0002_add_gauge_unit.yaml"), migrations.resolve("0002_add_gauge_unit.yaml"));
        Files.writeString(migrations.resolve("head.txt"), "0002_add_gauge_unit\n");
        commit("unit");
        git("checkout", "-q", "serial");
        // head.txt conflicts, as it is there to: the developer keeps main's and rebases
        assertThat(run("merge", "-q", "main").exitCode).isNotZero();
        git("checkout", "--theirs", "migrations/head.txt");
        commit("merge main");
    }

    @Test
    void withoutFilesTheBranchsOwnRevisionsAreRenumbered() throws IOException {
        CliResult rebase = Cli.runRaw("--migrations", migrations.toString(), "db", "rebase");

        assertThat(rebase.exitCode()).as(rebase.stderr()).isZero();
        assertThat(rebase.stdout()).isEqualTo("0002_add_gauge_serial.yaml -> 0003_add_gauge_serial.yaml\n");
        assertThat(rebase.stderr()).contains("this branch's revisions, added since it forked from main: "
                + "0002_add_gauge_serial.yaml");
        assertThat(migrations.resolve("0002_add_gauge_unit.yaml")).exists();
        assertThat(Files.readString(migrations.resolve("head.txt"))).isEqualTo("0003_add_gauge_serial\n");
    }

    @Test
    void anUncommittedRevisionIsTheBranchsToo() throws IOException {
        Files.writeString(migrations.resolve("0003_add_gauge_range.yaml"), "# Revision 0003_add_gauge_range: add gauge "
                + "range\ndatabaseChangeLog:\n  - changeSet:\n      id: 0003-range\n      author: test\n      changes:\n"
                + "        - sql: {sql: \"ALTER TABLE gauges ADD range_max INT\"}\n      rollback:\n"
                + "        - sql: {sql: \"ALTER TABLE gauges DROP COLUMN range_max\"}\n");

        CliResult rebase = Cli.runRaw("--migrations", migrations.toString(), "db", "rebase");

        assertThat(rebase.stdout()).isEqualTo("0002_add_gauge_serial.yaml -> 0003_add_gauge_serial.yaml\n"
                + "0003_add_gauge_range.yaml -> 0004_add_gauge_range.yaml\n");
    }

    @Test
    void anUnknownBaseNamesTheFix() {
        CliResult rebase = Cli.runRaw("--migrations", migrations.toString(), "db", "rebase", "--base", "trunk");

        assertThat(rebase.exitCode()).isEqualTo(2);
        assertThat(rebase.stderr()).startsWith("error: cannot find this branch's revisions with git merge-base trunk "
                + "HEAD (").contains("name the branch yours was merged with (--base origin/main)");
        assertThat(migrations.resolve("0002_add_gauge_serial.yaml")).exists();
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("commit", "-q", "-m", message);
    }

    private void git(String... arguments) throws Exception {
        Outcome outcome = run(arguments);
        assertThat(outcome.exitCode).as(outcome.output).isZero();
    }

    private Outcome run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(arguments));
        java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.waitFor(), output);
    }

    private record Outcome(int exitCode, String output) {
    }
}
