package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class StartupMigrationTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migrations");
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
            advisoryLock(other, "SELECT pg_advisory_lock(?)");
            vertx.runOnContext(ignored -> started.complete(migration().toHead()));
            CompletionStage<List<RevisionFile>> migrating = started.get(10, TimeUnit.SECONDS);
            awaitNote("note: waiting for another migration to finish");
            vertx.runOnContext(ignored -> loopStillRuns.complete(Thread.currentThread().getName()));

            assertThat(loopStillRuns.get(10, TimeUnit.SECONDS)).startsWith("vert.x-eventloop-thread");
            assertThat(migrating.toCompletableFuture()).isNotDone();
            advisoryLock(other, "SELECT pg_advisory_unlock(?)");

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
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl unreachable = DatabaseUrl.parse("postgresql://app:s3cret-pw@localhost:" + closedPort + "/auditeng");
        StartupMigration migration = new StartupMigration(unreachable, Revisions.load(MIGRATIONS),
                Duration.ofSeconds(5), new PrintWriter(notes, true));

        Optional<Throwable> failure = migration.toHead().handle((applied, error) -> Optional.ofNullable(error))
                .toCompletableFuture().join();

        assertThat(failure).get().isInstanceOf(ConfigurationException.class);
        assertThat(failure.get().getMessage()).startsWith("cannot reach PostgreSQL at postgresql://app:***@localhost:")
                .doesNotContain("s3cret-pw");
    }

    private StartupMigration migration() {
        return new StartupMigration(url, Revisions.load(MIGRATIONS), Duration.ofSeconds(30),
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

    private static void advisoryLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, AdvisoryLock.keyOf(connection));
            statement.execute();
        }
    }
}
