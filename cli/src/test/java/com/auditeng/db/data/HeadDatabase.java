package com.auditeng.db.data;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A new test database brought to head, with an async handle and the four repositories over it: the one the
 * repository tests of a JVM share, emptied for each of their tests, or one of a test's own.
 */
final class HeadDatabase implements AutoCloseable {
    final DatabaseUrl url;
    final AsyncDatabase database;
    final UserRepository users;
    final TaskRepository tasks;
    final AnalysisRepository analyses;
    final FindingRepository findings;

    private HeadDatabase(DatabaseUrl url, AsyncDatabase database) {
        this.url = url;
        this.database = database;
        this.users = new UserRepository(database);
        this.tasks = new TaskRepository(database);
        this.analyses = new AnalysisRepository(database);
        this.findings = new FindingRepository(database);
    }

    private static HeadDatabase shared;

    /**
     * The database the repository tests of this JVM share, emptied of rows: where each of their tests starts. Booting
     * Hibernate and migrating a database for each test cost the suite several seconds of both cores, and one for each
     * test class a few. It lives as long as the JVM, whose end closes its connections.
     */
    static synchronized HeadDatabase emptied() {
        if (shared == null) {
            shared = open();
        }
        shared.empty();
        return shared;
    }

    static HeadDatabase open() {
        return open(AsyncSettings.DEFAULT_POOL_SIZE);
    }

    static HeadDatabase open(int poolSize) {
        DatabaseUrl url = TestDatabase.fresh();
        upgrade(url);
        return new HeadDatabase(url, AsyncDatabase.open(new AsyncSettings(url, poolSize)));
    }

    /** Empties the application tables and restarts their identities, keeping the revision history. */
    private void empty() {
        try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE users, tasks, analyses, findings RESTART IDENTITY CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + url.redacted(), e);
        }
    }

    static void upgrade(DatabaseUrl url) {
        new MigrationRunner(new DatabaseConnector(url), Revisions.load(Path.of("../migrate/src/main/resources/db/migrations")),
                new RevisionCompiler(), Duration.ofSeconds(30), new PrintWriter(System.err, true))
                .upgrade(Target.parse("head"), applied -> { });
    }

    /** Waits for a stage; a failure surfaces as the exception the stage failed with, not wrapped. */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the stage did not complete", e);
        }
    }

    /** A single number read over plain JDBC, beside the async side: what is really stored. */
    long count(String sql) {
        try (Connection connection = TestDatabase.connect(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long rows(String table) {
        return count("SELECT count(*) FROM " + table);
    }

    @Override
    public void close() {
        database.close();
    }
}
