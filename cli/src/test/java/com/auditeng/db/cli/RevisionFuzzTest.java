package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged and made-up revision files, read by the real command line: whatever the file holds, a command ends with
 * one {@code error:} line naming what to fix, never an internal error or a Java stack trace.
 *
 * <p>{@code -Dauditeng.fuzz.cases=N} runs more cases (default 300); a failure prints each failing case's seed, and
 * {@code -Dauditeng.fuzz.seed=S -Dauditeng.fuzz.cases=1} replays that case alone.
 */
class RevisionFuzzTest {
    private static final int CASES = Integer.getInteger("auditeng.fuzz.cases", 300);
    private static final long SEED = Long.getLong("auditeng.fuzz.seed", System.nanoTime());
    private static final List<Path> FIXTURES = RevisionMutator.fixtureFiles();
    // a Java class name that is not ours to print: liquibase.exception.ChangeLogParseException, java.lang.Foo...
    private static final Pattern JAVA_CLASS = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|liquibase|org|com|picocli)\\.[\\w.$]*\\.[A-Z]\\w*(?:Exception|Error)\\b"
                    + "|\\b\\w*Exception\\b|\\bNullPointer|\\bIndexOutOfBounds");

    @TempDir
    Path work;

    @Test
    void noDamagedOrMadeUpRevisionEndsInAnInternalErrorOrAStackTrace() throws IOException {
        String history = TestDatabase.fresh().redacted();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < CASES && failures.size() < 20; i++) {
            long seed = SEED + i;
            Path folder = Files.createDirectory(work.resolve("case-" + i));
            List<String> mutations = writeCase(new Random(seed), folder);
            for (String[] command : List.of(
                    new String[] {"--migrations", folder.toString(), "db", "upgrade", "--sql"},
                    new String[] {"--migrations", folder.toString(), "db", "lint"},
                    new String[] {"--database-url", history, "--migrations", folder.toString(), "db", "history"})) {
                CliResult result = Cli.runRaw(command);
                String problem = problemWith(result);
                if (problem != null) {
                    failures.add("seed " + seed + " (replay: -Dauditeng.fuzz.seed=" + seed + " -Dauditeng.fuzz.cases=1"
                            + "), " + String.join(" ", command).replace(folder.toString(), "DIR") + ": " + problem
                            + "\n  mutations: " + mutations + "\n  stderr: " + result.stderr().strip());
                }
            }
        }

        assertThat(failures).as("first seed %d, %d cases; failures", SEED, CASES).isEmpty();
    }

    /** Cases the fuzzing found, kept so that they stay fixed whatever the seed. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "dropColumn with no column|- dropColumn: {tableName: gauges}|columnName is required",
            "loadData with no file|- loadData: {tableName: gauges}|file is required",
            "addColumn with a value for a column of no name|"
                    + "- addColumn: {tableName: gauges, columns: [{column: {type: INT, value: x}}]}|"
                    + "its addColumn change cannot be turned into SQL",
            "sqlFile with no path|- sqlFile: {sql: SELECT 1}|No path specified"})
    void aChangeMissingAnAttributeIsNamedWithItsRevisionInOneLine(String title, String change, String says)
            throws IOException {
        Files.writeString(work.resolve("0001_damaged.yaml"), "databaseChangeLog:\n  - changeSet:\n      id: damaged\n"
                + "      author: test\n      changes:\n        " + change + "\n");

        CliResult result = Cli.runRaw("--migrations", work.toString(), "db", "upgrade", "--sql");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).startsWith("error: revision 0001_damaged.yaml").contains(says).hasLineCount(1)
                .doesNotContain("Exception");
    }

    /** What is wrong with how a command ended, or null when it ended as it should. */
    private static String problemWith(CliResult result) {
        List<String> lines = result.stderr().lines().toList();
        long errors = lines.stream().filter(line -> line.startsWith("error:")).count();
        if (result.exitCode() == 70) {
            return "exit 70, an internal error";
        }
        if (result.exitCode() < 0 || result.exitCode() > 4) {
            return "exit " + result.exitCode() + ", not one of ours";
        }
        if (lines.stream().anyMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"))) {
            return "a stack trace";
        }
        if (JAVA_CLASS.matcher(result.stderr()).find()) {
            return "a Java exception's name in stderr";
        }
        boolean lintFindings = result.exitCode() == 1 && errors == 0 && !result.stdout().isEmpty();
        if (result.exitCode() != 0 && errors != 1 && !lintFindings) {
            return "exit " + result.exitCode() + " with " + errors + " error: lines";
        }
        if (result.exitCode() == 0 && errors != 0) {
            return "exit 0 with an error: line";
        }
        return null;
    }

    /**
     * A migrations folder: the revisions of one fixture folder, one or two of them damaged, and now and then a
     * further revision that is made up or damaged. Returns what was done, to print with a failure.
     */
    private static List<String> writeCase(Random random, Path folder) throws IOException {
        RevisionMutator mutator = new RevisionMutator(random);
        Path source = FIXTURES.get(random.nextInt(FIXTURES.size())).getParent();
        List<Path> files;
        try (Stream<Path> listed = Files.list(source)) {
            files = listed.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> applied = new ArrayList<>(List.of("from " + source));
        int damaged = random.nextInt(files.size());
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            Path target = folder.resolve(file.getFileName());
            if (i == damaged || random.nextInt(6) == 0) {
                applied.add(file.getFileName() + ":");
                Files.write(target, mutator.revision(Files.readString(file), applied));
            } else {
                Files.copy(file, target);
            }
        }
        if (random.nextInt(4) == 0) {
            Path other = FIXTURES.get(random.nextInt(FIXTURES.size()));
            String name = String.format("%04d_extra.yaml", files.size() + 1);
            applied.add(name + " from " + other.getFileName() + ":");
            Files.write(folder.resolve(name), mutator.revision(Files.readString(other), applied));
        }
        return applied;
    }
}
