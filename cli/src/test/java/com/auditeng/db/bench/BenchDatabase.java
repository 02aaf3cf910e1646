package com.auditeng.db.bench;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.data.AnalysisRepository;
import com.auditeng.db.data.AsyncDatabase;
import com.auditeng.db.data.FindingRepository;
import com.auditeng.db.data.TaskRepository;
import com.auditeng.db.data.UserRepository;
import com.auditeng.db.startup.StartupMigration;
import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The database a benchmark run works in: an embedded PostgreSQL of its own, or the one DATABASE_URL names, brought to
 * head the way an application starts. Everything the run writes hangs off one user, deleted at the end.
 */
final class BenchDatabase implements AutoCloseable {
    final DatabaseUrl url;
    final String description;
    final AsyncDatabase database;
    final Connection jdbc;
    final UserRepository users;
    final TaskRepository tasks;
    final AnalysisRepository analyses;
    final FindingRepository findings;
    private final User owner;

    private BenchDatabase(DatabaseUrl url, String description) throws SQLException {
        this.url = url;
        this.description = description;
        StartupMigration.bundled(url).toHead().toCompletableFuture().join();
        this.database = AsyncDatabase.open(url);
        this.jdbc = TestDatabase.connect(url);
        this.users = new UserRepository(database);
        this.tasks = new TaskRepository(database);
        this.analyses = new AnalysisRepository(database);
        this.findings = new FindingRepository(database);
        this.owner = users.create(new User("bench-" + UUID.randomUUID() + "@example.invalid", "not-a-hash"))
                .toCompletableFuture().join();
    }

    /** The server DATABASE_URL names, or, without one, a fresh database on an embedded server started for the run. */
    static BenchDatabase open(String databaseUrl) throws SQLException {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            DatabaseUrl url = TestDatabase.fresh();
            return new BenchDatabase(url, "embedded PostgreSQL (zonky) at " + url.redacted());
        }
        DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
        return new BenchDatabase(url, "DATABASE_URL " + url.redacted());
    }

    /** A new task of the bench user. */
    Task newTask(String label) {
        return tasks.create(owner.getId(), new Task(label + ".pdf", 1)).toCompletableFuture().join();
    }

    /**
     * Fails the bench user's tasks still queued, so that only the next round's tasks are there to claim. The bench
     * claims any queued task of the database: give it a database of its own.
     */
    void retireQueuedTasks() throws SQLException {
        try (PreparedStatement retire = jdbc.prepareStatement("UPDATE tasks SET status = 'FAILED', "
                + "error_message = 'retired by the bench' WHERE user_id = ? AND status = 'QUEUED'")) {
            retire.setObject(1, owner.getId());
            retire.executeUpdate();
        }
    }

    /** A new task of the bench user with an empty analysis, to receive one run's findings. */
    UUID newAnalysis(String label) {
        Task task = newTask(label);
        return analyses.store(task.getId(), new Analysis("PANEL", "GROUNDING")).toCompletableFuture().join().getId();
    }

    /** Removes one run's rows and vacuums, so that every run starts from a table in the same state. */
    void clear(UUID analysisId) throws SQLException {
        try (PreparedStatement delete = jdbc.prepareStatement("DELETE FROM findings WHERE analysis_id = ?")) {
            delete.setObject(1, analysisId);
            delete.executeUpdate();
        }
        try (Statement vacuum = jdbc.createStatement()) {
            vacuum.execute("VACUUM ANALYZE findings");
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            users.delete(owner.getId()).toCompletableFuture().join();
        } finally {
            database.close();
            jdbc.close();
        }
    }
}
