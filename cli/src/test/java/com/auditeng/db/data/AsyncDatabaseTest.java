package com.auditeng.db.data;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.TaskStatus;
import com.auditeng.db.model.User;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncDatabaseTest {
    @Test
    void twoHundredConcurrentOperationsCompleteOnAPoolOfFour() {
        try (HeadDatabase db = HeadDatabase.open(4)) {
            List<CompletableFuture<Task>> operations = new ArrayList<>();

            for (int i = 0; i < 200; i++) {
                String email = "user" + i + "@example.com";
                CompletionStage<Task> operation = db.users.create(new User(email, "hash"))
                        .thenCompose(user -> db.tasks.create(user.getId(), new Task(email + ".pdf", 1)))
                        .thenCompose(task -> db.tasks.transition(task.getId(), TaskStatus.PROCESSING));
                operations.add(operation.toCompletableFuture());
            }
            await(CompletableFuture.allOf(operations.toArray(CompletableFuture[]::new)));

            assertThat(operations).allSatisfy(operation -> assertThat(operation).isCompleted());
            assertThat(db.rows("users")).isEqualTo(200);
            assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'PROCESSING'")).isEqualTo(200);
        }
    }

    @Test
    void closingReleasesEveryConnectionOfThePool() throws Exception {
        HeadDatabase db = HeadDatabase.open(4);
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            reads.add(db.users.findByEmail("nobody@example.com").toCompletableFuture());
        }
        await(CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)));
        // one observer for the whole test: a session of its own closed just before could still be listed while its
        // backend exits, and would read as a connection of the pool
        try (Connection observer = TestDatabase.connect(db.url)) {
            assertThat(othersOn(observer)).isPositive();

            db.close();

            // the server notices closed sockets within moments; give it up to five seconds, then a second more in
            // which none may come back (a connection still being opened when the pool closed is closed as soon as
            // it opens)
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (othersOn(observer) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1000);
            while (othersOn(observer) > 0 && System.nanoTime() < deadline + 1_000_000_000L) {
                Thread.sleep(50);
            }
            assertThat(othersOn(observer)).isZero();
        }
    }

    /** Client sessions on the observer's database but its own: an autovacuum worker may visit it at any moment. */
    private static long othersOn(Connection observer) throws SQLException {
        try (Statement statement = observer.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                     + "current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void anAsyncpgUrlReachesTheSameDatabaseAsTheJdbcSide() throws SQLException {
        DatabaseUrl jdbcSide = TestDatabase.fresh();
        HeadDatabase.upgrade(jdbcSide);
        DatabaseUrl asyncSide = DatabaseUrl.parse("postgresql+asyncpg://postgres@localhost:" + jdbcSide.port() + "/"
                + jdbcSide.database() + "?ssl=disable");

        try (AsyncDatabase database = AsyncDatabase.open(asyncSide)) {
            await(new UserRepository(database).create(new User("ada@example.com", "hash")));
        }

        try (Connection connection = TestDatabase.connect(jdbcSide);
             ResultSet rows = connection.createStatement().executeQuery("SELECT email FROM users")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("ada@example.com");
        }
    }

    @Test
    void anUnreachableServerIsReportedWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s3cret-pw@localhost:" + closedPort + "/auditeng");

        assertThatThrownBy(() -> AsyncDatabase.open(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("cannot reach PostgreSQL at postgresql://app:***@localhost:" + closedPort + "/auditeng "
                        + "(connection refused); start the server, or fix the host and port in DATABASE_URL")
                .satisfies(e -> assertThat(stackOf(e)).doesNotContain("s3cret-pw"));
    }

    @Test
    void aJoinOnAnEventLoopFailsFastNamingTheFix() {
        try (HeadDatabase db = HeadDatabase.open()) {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();

            db.users.findByEmail("ada@example.com").thenAccept(ignored -> {
                // a callback of our stage runs on the event loop that delivered it
                try {
                    db.users.findByEmail("bob@example.com").toCompletableFuture().join();
                    refused.complete(null);
                } catch (RuntimeException e) {
                    refused.complete(e);
                }
            });

            assertThat(await(refused))
                    .isInstanceOf(EventLoopBlockingException.class)
                    .hasMessageStartingWith("join() would block the Vert.x event loop vert.x-eventloop-thread-")
                    .hasMessageEndingWith("compose instead (thenCompose, thenAccept), or wait on a worker thread");
        }
    }

    @Test
    void aDatabaseOnTheCallersVertxRunsThereAndLeavesItOpenAfterClose() {
        Vertx vertx = Vertx.vertx();
        try {
            DatabaseUrl url = TestDatabase.fresh();
            HeadDatabase.upgrade(url);
            AsyncDatabase database = AsyncDatabase.open(AsyncSettings.of(url), vertx);

            Vertx ranOn = await(new UserRepository(database).findByEmail("ada@example.com")
                    .thenApply(ignored -> Vertx.currentContext().owner()));
            database.close();

            assertThat(ranOn).isSameAs(vertx);
            CompletableFuture<String> stillRuns = new CompletableFuture<>();
            vertx.runOnContext(ignored -> stillRuns.complete("open"));
            assertThat(await(stillRuns)).isEqualTo("open");
        } finally {
            vertx.close();
        }
    }

    @Test
    void aCallerOnItsOwnContextContinuesThere() {
        Vertx vertx = Vertx.vertx();
        try {
            DatabaseUrl url = TestDatabase.fresh();
            HeadDatabase.upgrade(url);
            AsyncDatabase database = AsyncDatabase.open(AsyncSettings.of(url), vertx);
            List<Boolean> sameContext = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            // a context on each of several event loops, as verticles have: each call's continuation on its own
            for (int verticle = 0; verticle < 4; verticle++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                calls.add(done);
                Context own = vertx.getOrCreateContext();
                own.runOnContext(ignored -> new UserRepository(database).count()
                        .thenAccept(count -> sameContext.add(Vertx.currentContext() == own))
                        .whenComplete((ignoredValue, failure) -> done.complete(null)));
            }
            calls.forEach(CompletableFuture::join);
            database.close();

            assertThat(sameContext).containsExactly(true, true, true, true);
        } finally {
            vertx.close();
        }
    }

    @Test
    void aProgramThatNeverClosesTheDatabaseStillEndsWithItsMain() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        HeadDatabase.upgrade(url);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process program = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                NeverClosed.class.getName(), "postgresql://" + url.user() + "@" + url.host() + ":" + url.port() + "/"
                + url.database() + "?sslmode=disable")
                .redirectErrorStream(true)
                .start();

        boolean ended = program.waitFor(60, TimeUnit.SECONDS);
        String output = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            program.destroyForcibly();
        }

        assertThat(ended).as("the program ended; its output:%n%s", output).isTrue();
        assertThat(program.exitValue()).as(output).isZero();
        assertThat(output).contains("users: 0");
    }

    private static String stackOf(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause).append('\n');
        }
        return text.toString();
    }
}
