package com.auditeng.db.startup;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.AdvisoryLock;
import com.auditeng.db.migrate.Catalog;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.Migrations;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StartupMigrationTest {
    private static final Path MIGRATIONS = Path.of("../migrate/src/main/resources/db/migrations");
    private static final Path LINT = Path.of("src/test/resources/fixtures/lint");
    private static final RevisionId HEAD = RevisionId.parse("0001");

    private final StringWriter notes = new StringWriter();
    private Vertx vertx;
    private DatabaseUrl url;

    @BeforeEach
    void startEventLoops() {
        vertx = Vertx.vertx();
        url = TestDatabase.fresh();
    }

    @AfterEach
    void stopEventLoops() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void toHeadCalledOnAnEventLoopMigratesOffItWhileTheLoopKeepsRunning() throws Exception {
        CompletableFuture<CompletionStage<List<RevisionFile>>> started = new CompletableFuture<>();
        CompletableFuture<String> loopStillRuns = new CompletableFuture<>();

        try (Connection other = TestDatabase.connect(url)) {
            // another migrator holds the lock: the migration must wait for it, and the event loop must not
            AdvisoryLock held = AdvisoryLock.acquire(other, Duration.ZERO, new PrintWriter(Writer.nullWriter()));
            vertx.runOnContext(ignored -> started.complete(migration().toHead()));
            CompletionStage<List<RevisionFile>> migrating = started.get(10, TimeUnit.SECONDS);
            awaitNote("note: waiting for another migration to finish");
            vertx.runOnContext(ignored -> loopStillRuns.complete(Thread.currentThread().getName()));

            assertThat(loopStillRuns.get(10, TimeUnit.SECONDS)).startsWith("vert.x-eventloop-thread");
            assertThat(migrating.toCompletableFuture()).isNotDone();
            held.close();

            List<RevisionFile> applied = migrating.toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(applied).extracting(RevisionFile::id).containsExactly(HEAD);
        }
        assertThat(runner().current()).contains(HEAD);
    }

    @Test
    void twoApplicationsStartingAtOnceApplyEachRevisionOnce() {
        CompletionStage<List<RevisionFile>> first = migration().toHead();
        CompletionStage<List<RevisionFile>> second = migration().toHead();

        List<RevisionFile> applied = Stream.of(first, second)
                .flatMap(stage -> stage.toCompletableFuture().join().stream())
                .toList();

        assertThat(applied).extracting(RevisionFile::id).containsExactly(HEAD);
        assertThat(runner().current()).contains(HEAD);
    }

    @Test
    void toHeadAppliesNothingOnADatabaseAtHead() {
        migration().toHead().toCompletableFuture().join();

        List<RevisionFile> applied = migration().toHead().toCompletableFuture().join();

        assertThat(applied).isEmpty();
    }

    @Test
    void theBundledRevisionsBringADatabaseToHead() {
        List<RevisionFile> applied = StartupMigration.bundled(url).toHead().toCompletableFuture().join();

        assertThat(applied).extracting(RevisionFile::id).containsExactly(HEAD);
    }

    @Test
    void anUnreachableServerFailsTheStageWithTheRunnersMessageAndNoPassword() throws IOException {
        DatabaseUrl unreachable = unreachableWithPassword();
        StartupMigration migration = new StartupMigration(unreachable, Revisions.load(MIGRATIONS),
                StartupOptions.defaults(), new PrintWriter(notes, true));

        Optional<Throwable> failure = migration.toHead().handle((applied, error) -> Optional.ofNullable(error))
                .toCompletableFuture().join();

        assertThat(failure).get().isInstanceOf(ConfigurationException.class);
        assertThat(failure.get().getMessage()).startsWith("cannot reach PostgreSQL at postgresql://app:***@localhost:")
                .doesNotContain("s3cret-pw");
    }

    @Test
    void aRevisionDroppingAColumnWithRowsIsRefusedAsByDbUpgradeAndGoesWhenDataLossIsAllowed() throws Exception {
        Migrations.runner(url, LINT).upgrade(Target.parse("0001"), applied -> { });
        try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO gauges (id, label) VALUES (1, 'north feeder')");
        }

        Optional<Throwable> refused = failureOf(new StartupMigration(url, Revisions.load(LINT), StartupOptions.defaults(),
                new PrintWriter(notes, true)).toHead());
        RevisionId afterRefusal = Migrations.runner(url, LINT).current().orElseThrow();
        List<RevisionFile> allowed = new StartupMigration(url, Revisions.load(LINT),
                StartupOptions.defaults().allowingDataLoss(), new PrintWriter(notes, true)).toHead().toCompletableFuture().join();

        assertThat(refused).get().isInstanceOf(ProblemFoundException.class);
        assertThat(refused.get().getMessage()).contains("lint[drop-column] 0003_drop_gauge_label.yaml",
                "gauges.label holds 1 row", "nothing was changed", "StartupOptions.allowingDataLoss()");
        assertThat(afterRefusal).isEqualTo(RevisionId.parse("0001"));
        assertThat(allowed).extracting(file -> file.id().toString()).containsExactly("0002", "0003");
    }

    @Test
    void validateFailsOnADatabaseBehindTheBundledHeadAndPassesAtHead() {
        StartupMigration validate = new StartupMigration(url, Revisions.load(MIGRATIONS),
                StartupOptions.defaults().withMode(StartupOptions.Mode.VALIDATE), new PrintWriter(notes, true));

        Optional<Throwable> behind = failureOf(validate.toHead());
        migration().toHead().toCompletableFuture().join();
        List<RevisionFile> atHead = validate.toHead().toCompletableFuture().join();

        assertThat(behind).get().isInstanceOf(ProblemFoundException.class);
        assertThat(behind.get().getMessage()).contains("empty (no revision applied), behind the bundled head " + HEAD,
                "auditeng db upgrade");
        assertThat(atHead).isEmpty();
        assertThat(new Catalog(url).tables()).contains("users");
    }

    @Test
    void offChangesAndChecksNothing() {
        List<RevisionFile> applied = new StartupMigration(url, Revisions.load(MIGRATIONS),
                StartupOptions.defaults().withMode(StartupOptions.Mode.OFF), new PrintWriter(notes, true))
                .toHead().toCompletableFuture().join();

        assertThat(applied).isEmpty();
        assertThat(new Catalog(url).tables()).isEmpty();
    }

    @Test
    void aRoleWithoutCreatePrivilegeStartsOnADatabaseAtHead() throws Exception {
        migration().toHead().toCompletableFuture().join();
        String role = "runtime_" + url.database();   // roles are the server's: one per test database
        new Catalog(url).execute("CREATE ROLE " + role + " LOGIN; GRANT SELECT ON auditeng_revision TO " + role
                + "; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        DatabaseUrl runtime = new DatabaseUrl(url.host(), url.port(), url.database(), role, null, Map.of());

        List<RevisionFile> migrated = new StartupMigration(runtime, Revisions.load(MIGRATIONS), StartupOptions.defaults(),
                new PrintWriter(notes, true)).toHead().toCompletableFuture().join();
        List<RevisionFile> validated = new StartupMigration(runtime, Revisions.load(MIGRATIONS),
                StartupOptions.defaults().withMode(StartupOptions.Mode.VALIDATE), new PrintWriter(notes, true))
                .toHead().toCompletableFuture().join();

        assertThat(migrated).isEmpty();
        assertThat(validated).isEmpty();
    }

    @Test
    void aRoleWithoutOwnershipStartsOnATrackingTableOfAnEarlierVersion() throws Exception {
        migration().toHead().toCompletableFuture().join();
        String role = "runtime_" + url.database();
        new Catalog(url).execute("ALTER TABLE auditeng_revision DROP COLUMN phase; CREATE ROLE " + role + " LOGIN; "
                + "GRANT SELECT ON auditeng_revision TO " + role + "; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        DatabaseUrl runtime = new DatabaseUrl(url.host(), url.port(), url.database(), role, null, Map.of());

        List<RevisionFile> migrated = new StartupMigration(runtime, Revisions.load(MIGRATIONS), StartupOptions.defaults(),
                new PrintWriter(notes, true)).toHead().toCompletableFuture().join();

        assertThat(migrated).isEmpty();
    }

    @Test
    void aServerThatIsNotUpYetIsRetriedUntilTheConnectDeadline() throws IOException {
        DatabaseUrl unreachable = unreachableWithPassword();
        long start = System.nanoTime();

        Optional<Throwable> failure = failureOf(new StartupMigration(unreachable, Revisions.load(MIGRATIONS),
                StartupOptions.defaults().withConnectDeadline(Duration.ofSeconds(2)), new PrintWriter(notes, true)).toHead());

        assertThat(failure).get().isInstanceOf(ConfigurationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(notes.toString()).contains("retrying").doesNotContain("s3cret-pw");
    }

    /** A URL with a password, to a port nothing listens on. */
    private static DatabaseUrl unreachableWithPassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return DatabaseUrl.parse("postgresql://app:s3cret-pw@localhost:" + closedPort + "/auditeng");
    }

    private static Optional<Throwable> failureOf(CompletionStage<List<RevisionFile>> stage) {
        return stage.handle((applied, error) -> Optional.ofNullable(error)).toCompletableFuture().join();
    }

    private StartupMigration migration() {
        return new StartupMigration(url, Revisions.load(MIGRATIONS), StartupOptions.defaults(),
                new PrintWriter(notes, true));
    }

    private MigrationRunner runner() {
        return new MigrationRunner(new DatabaseConnector(url), Revisions.load(MIGRATIONS), new RevisionCompiler(),
                Duration.ofSeconds(30), new PrintWriter(notes, true));
    }

    private void awaitNote(String note) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!notes.toString().contains(note) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(notes.toString()).contains(note);
    }
}
