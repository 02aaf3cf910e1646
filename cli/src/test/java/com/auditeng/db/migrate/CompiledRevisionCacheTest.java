package com.auditeng.db.migrate;

import com.auditeng.db.config.CacheFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A compiled revision read back from the cache equals the one written, steps and operations included. */
class CompiledRevisionCacheTest {

    @Test
    void aRevisionReadBackFromTheCacheKeepsItsSteps(@TempDir Path folder) {
        RevisionFile file = new RevisionFile(new RevisionId(2), "0002_checks.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 0002-checks
                      author: test
                      comment: "lint-accept: set-not-null small table"
                      changes:
                        - addColumn: {tableName: gauges, columns: [{column: {name: site, type: TEXT, defaultValue: x}}]}
                        - addNotNullConstraint: {tableName: gauges, columnName: site}
                        - sql:
                            sql: ALTER TABLE gauges ADD CONSTRAINT ck_site CHECK (site <> '') NOT VALID
                """);
        CompiledRevision compiled = new RevisionCompiler().compile(file);
        CompiledRevisionCache cache = CompiledRevisionCache.in(folder.resolve("jar-stamp"));

        cache.write(compiled);

        assertThat(cache.read(file)).contains(compiled);
        assertThat(compiled.upgradeSteps()).hasSize(3)
                .allSatisfy(step -> assertThat(step.comment()).isEqualTo("lint-accept: set-not-null small table"));
    }

    @Test
    void everyKindOfOperationAndEveryFieldOfARevisionIsReadBackAsWritten(@TempDir Path folder) {
        Operation.Column id = new Operation.Column("id", "uuid", true, "gen_random_uuid()", false);
        Operation.Column serial = new Operation.Column("n", "bigint", false, "", true);
        Operation.Column flag = new Operation.Column("f", "boolean", true, "", false);
        List<Operation> operations = List.of(new Operation.CreateTable("gauges", List.of(id, serial, flag)),
                new Operation.DropTable("old"), new Operation.AddColumn("gauges", serial),
                new Operation.DropColumn("gauges", "site"), new Operation.AlterType("gauges", "n", "text", "n::text"),
                new Operation.SetNotNull("gauges", "n"),
                new Operation.AddConstraint("gauges", "ck_n", Operation.ConstraintKind.CHECK, true, false, "n"),
                new Operation.AddConstraint("gauges", "uq_n", Operation.ConstraintKind.UNIQUE, false, true, ""),
                new Operation.ValidateConstraint("gauges", "ck_n"), new Operation.DropConstraint("gauges", "ck_n"),
                new Operation.CreateIndex("gauges", "ix_n", true, false),
                new Operation.CreateIndex("gauges", "ix_m", false, true), new Operation.DropIndex("", "ix_n", true),
                new Operation.Reindex("", "ix_n", true), new Operation.Rename("gauges", "n", "m"),
                new Operation.Rename("gauges", "", "meters"));
        assertThat(operations).extracting(Object::getClass).as("a sample of every kind of operation")
                .containsAll(Arrays.asList(Operation.class.getPermittedSubclasses()));
        RevisionFile file = revision("gauges");
        CompiledRevision written = new CompiledRevision(file,
                List.of(new Step(List.of("SELECT 1", "SELECT 2"), "0001-a", "lint-accept: x why", operations),
                        new Step(List.of("SELECT 3"), "0001-b", "", List.of())),
                List.of(new Step(List.of("SELECT 4"), "0001-a", "", List.of(new Operation.DropTable("gauges")))),
                false, Optional.empty(), Phase.EXPAND,
                Optional.of(new Backfill("gauges", "n = 1", Optional.of("n IS NULL"), 500, Duration.ofMillis(20))));
        CompiledRevisionCache cache = CompiledRevisionCache.in(folder.resolve("jar-stamp"));

        cache.write(written);

        assertThat(cache.read(file)).contains(written);
    }

    @Test
    void anEditedRevisionIsNotReadFromTheEntryOfItsFormerText(@TempDir Path folder) {
        CompiledRevisionCache cache = CompiledRevisionCache.in(folder.resolve("jar-stamp"));
        cache.write(new RevisionCompiler().compile(revision("gauges")));

        assertThat(cache.read(revision("meters"))).isEmpty();
        assertThat(cache.read(revision("gauges"))).isPresent();
    }

    @Test
    void aDamagedEntryIsAMissNotAFailure(@TempDir Path folder) throws IOException {
        CompiledRevisionCache cache = CompiledRevisionCache.in(folder.resolve("jar-stamp"));
        RevisionFile file = revision("gauges");
        cache.write(new RevisionCompiler().compile(file));
        try (Stream<Path> entries = Files.list(folder.resolve("jar-stamp"))) {
            for (Path entry : entries.toList()) {
                Files.write(entry, new byte[] {1, 0, 0, 0, 42});
            }
        }

        assertThat(cache.read(file)).isEmpty();
    }

    @Test
    void anEntryCutShortOrClaimingMoreThanItHoldsIsAMissNotAFailure(@TempDir Path folder) throws IOException {
        CompiledRevisionCache cache = CompiledRevisionCache.in(folder.resolve("jar-stamp"));
        RevisionFile file = revision("gauges");
        cache.write(new RevisionCompiler().compile(file));
        Path entry = folder.resolve("jar-stamp").resolve(file.checksum());
        byte[] whole = Files.readAllBytes(entry);

        for (int length : List.of(whole.length - 1, whole.length / 2, 3)) {
            Files.write(entry, Arrays.copyOf(whole, length));
            assertThat(cache.read(file)).as("the first %d bytes", length).isEmpty();
        }
        // after the two flags, a count of upgrade steps, then the first step's count of statements: a huge one
        byte[] claiming = whole.clone();
        claiming[6] = (byte) 0x7f;
        Files.write(entry, claiming);
        assertThat(cache.read(file)).isEmpty();
    }

    @Test
    void theFirstEntryOfANewJarRemovesTheEntriesOfTheJarsBefore(@TempDir Path folder) {
        CompiledRevisionCache.in(folder.resolve("old-jar")).write(new RevisionCompiler().compile(revision("gauges")));

        CompiledRevisionCache.in(folder.resolve("new-jar")).write(new RevisionCompiler().compile(revision("meters")));

        assertThat(folder.resolve("old-jar")).doesNotExist();
        assertThat(folder.resolve("new-jar")).isNotEmptyDirectory();
    }

    @Test
    void theSuiteRunsWithACacheOfItsOwnRunAndTheCompilerFillsIt() throws IOException {
        String runFolder = System.getProperty(CacheFolder.RUN_FOLDER_PROPERTY, "");
        assertThat(runFolder).as("-D" + CacheFolder.RUN_FOLDER_PROPERTY + " set by the build").isNotBlank();
        RevisionFile file = revision("cached_" + System.nanoTime());

        CompiledRevision compiled = new RevisionCompiler().compile(file);

        Path thisRun = Path.of(runFolder).resolve("revision-cache");
        assertThat(thisRun.resolve(file.checksum())).exists();
        assertThat(CompiledRevisionCache.in(thisRun).read(file)).contains(compiled);
    }

    private static RevisionFile revision(String table) {
        return new RevisionFile(new RevisionId(1), "0001_create.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 0001-create
                      author: test
                      changes:
                        - createTable:
                            tableName: %s
                            columns:
                              - column: {name: id, type: INTEGER}
                """.formatted(table));
    }
}
