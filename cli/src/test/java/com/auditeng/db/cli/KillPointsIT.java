package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import com.auditeng.db.migrate.Migrations;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrator killed with SIGKILL between any two statements of a bundled revision leaves nothing of that revision
 * behind, and a plain rerun reaches head with the catalog of a database migrated without interruption.
 *
 * <p>To stop the migrator exactly after statement k, it runs a copy of the revisions in which the revision is
 * written as its own compiled statements with {@code SELECT pg_sleep(30)} after the k-th; the test kills it once
 * the sleep shows in {@code pg_stat_activity}. By default the first boundary, the last and two drawn at random run
 * (the seed is in every failure; {@code -Dauditeng.killpoints.seed=S} draws the same);
 * {@code -Dauditeng.killpoints=all} runs every one.
 */
class KillPointsIT {
    private static final String SLEEP = "SELECT pg_sleep(30)";
    private static final long SEED = Long.getLong("auditeng.killpoints.seed", System.nanoTime());
    private static final boolean ALL = "all".equals(System.getProperty("auditeng.killpoints"));
    private static Reference reference;

    @TempDir
    Path home;
    @TempDir
    Path stopping;

    /** The catalog of a database the bundled revisions migrated to head in one go. */
    private record Reference(List<String> columns, List<String> indexes, List<String> constraints,
                             List<String> objects) {
        static Reference of(Catalog catalog) {
            return new Reference(catalog.columns(), catalog.indexes(), catalog.constraints(), catalog.objects());
        }
    }

    @BeforeAll
    static void migrateOnceWithoutInterruption() {
        DatabaseUrl url = TestDatabase.fresh();
        Migrations.upgradeToHead(url);
        reference = Reference.of(new Catalog(url));
    }

    static Stream<Arguments> killPoints() {
        List<Arguments> points = new ArrayList<>();
        Random random = new Random(SEED);
        for (RevisionFile file : Revisions.load(Migrations.FOLDER).all()) {
            int statements = new RevisionCompiler().compile(file).upgrade().size();
            List<Integer> boundaries = IntStream.rangeClosed(0, statements).boxed().toList();
            if (!ALL) {
                boundaries = Stream.of(0, statements, 1 + random.nextInt(statements), 1 + random.nextInt(statements))
                        .distinct().sorted().toList();
            }
            boundaries.forEach(k -> points.add(Arguments.of(file.fileName(), k, statements)));
        }
        return points.stream();
    }

    @ParameterizedTest(name = "{0}: killed after statement {1} of {2}")
    @MethodSource("killPoints")
    void aMigratorKilledBetweenTwoStatementsLeavesNothingAndARerunReachesTheSameCatalog(String fileName, int k,
                                                                                       int statements)
            throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Catalog catalog = new Catalog(url);
        Path folder = revisionsStoppingAfter(fileName, k);
        String why = "seed " + SEED + ", " + fileName + " killed after statement " + k + " of " + statements;

        Process migrator = Process.startJarOn(url.redacted(), home, "--migrations", folder.toString(), "db", "upgrade");
        awaitSleep(catalog, url.database(), migrator, why);
        migrator.signal("KILL");
        migrator.await();
        List<String> leftByTheKill = schemaTables(catalog);
        List<String> recorded = catalog.tables().contains("auditeng_revision")
                ? catalog.rows("SELECT revision FROM auditeng_revision ORDER BY 1") : List.of();
        CliResult rerun = Process.startJarOn(url.redacted(), home, "--lock-timeout", "60", "db", "upgrade").await();

        assertThat(leftByTheKill).as(why + ": tables after the kill").isEqualTo(tablesBefore(fileName));
        assertThat(recorded).as(why + ": revisions recorded after the kill").hasSize(positionOf(fileName));
        assertThat(rerun.exitCode()).as(why + ": " + rerun.stderr()).isZero();
        assertThat(rerun.stdout()).as(why).endsWith(Revisions.load(Migrations.FOLDER).head().orElseThrow().id()
                + "  " + Revisions.load(Migrations.FOLDER).head().orElseThrow().message() + "\n");
        assertThat(Reference.of(catalog)).as(why).isEqualTo(reference);
    }

    /**
     * The bundled revisions, the one named written as its compiled upgrade statements with a sleep after the
     * k-th; the revisions before it as they are, those after it left out.
     */
    private Path revisionsStoppingAfter(String fileName, int k) throws IOException {
        RevisionCompiler compiler = new RevisionCompiler();
        for (RevisionFile file : Revisions.load(Migrations.FOLDER).all()) {
            if (!file.fileName().equals(fileName)) {
                Files.writeString(stopping.resolve(file.fileName()), file.content());
                continue;
            }
            List<String> statements = new ArrayList<>(compiler.compile(file).upgrade());
            statements.add(k, SLEEP);
            StringBuilder yaml = new StringBuilder("databaseChangeLog:\n  - changeSet:\n      id: stopped\n"
                    + "      author: test\n      changes:\n");
            for (String sql : statements) {
                yaml.append("        - sql:\n            splitStatements: false\n            sql: |\n");
                sql.lines().forEach(line -> yaml.append("              ").append(line).append('\n'));
            }
            Files.writeString(stopping.resolve(fileName), yaml);
            return stopping;
        }
        throw new IllegalArgumentException(fileName);
    }

    /** The tables of a database the revisions before {@code fileName} migrated, tracking table left out. */
    private static List<String> tablesBefore(String fileName) {
        DatabaseUrl url = TestDatabase.fresh();
        int position = positionOf(fileName);
        if (position > 0) {
            Migrations.runner(url).upgrade(Target.parse(Revisions.load(Migrations.FOLDER).all().get(position - 1)
                    .id().toString()), applied -> { });
        }
        return schemaTables(new Catalog(url));
    }

    private static int positionOf(String fileName) {
        return Revisions.load(Migrations.FOLDER).all().stream().map(RevisionFile::fileName).toList().indexOf(fileName);
    }

    private static List<String> schemaTables(Catalog catalog) {
        return catalog.tables().stream().filter(table -> !table.equals("auditeng_revision")).toList();
    }

    private static void awaitSleep(Catalog catalog, String database, Process migrator, String why) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!catalog.rows("SELECT 1 FROM pg_stat_activity WHERE datname = '" + database + "' AND query LIKE '"
                    + SLEEP.replace("(", "%").replace(")", "%") + "' AND state = 'active'").isEmpty()) {
                return;
            }
            if (!migrator.isAlive()) {
                throw new AssertionError(why + ": the migrator ended before the sleep: " + migrator.await());
            }
            Thread.sleep(50);
        }
        throw new AssertionError(why + ": the migration never reached the sleep");
    }
}
