package com.example.audit;

import com.auditeng.db.data.AnalysisRepository;
import com.auditeng.db.data.AsyncDatabase;
import com.auditeng.db.data.FindingCursor;
import com.auditeng.db.data.FindingPage;
import com.auditeng.db.data.FindingRepository;
import com.auditeng.db.data.TaskRepository;
import com.auditeng.db.data.UserRepository;
import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The AuditEng service's main flow: a user submits a commissioning report, a worker claims it, validates it and
 * stores the analysis with its findings, completing the task in the same transaction.
 */
public final class AuditService {
    private final AsyncDatabase database;
    private final UserRepository users;
    private final TaskRepository tasks;
    private final AnalysisRepository analyses;
    private final FindingRepository findings;

    public AuditService(AsyncDatabase database) {
        this.database = database;
        this.users = new UserRepository(database);
        this.tasks = new TaskRepository(database);
        this.analyses = new AnalysisRepository(database);
        this.findings = new FindingRepository(database);
    }

    public CompletionStage<User> register(String email, String hashedPassword) {
        return users.create(new User(email, hashedPassword));
    }

    public CompletionStage<Task> submit(UUID userId, String filename, long size) {
        return tasks.create(userId, new Task(filename, size));
    }

    /**
     * Claims the oldest queued report and stores what {@code validate} makes of it, all or nothing: when the
     * validation or the storing fails, the task is queued again for another worker. Returns the completed task with
     * its analysis (the findings not loaded); empty when nothing is queued.
     */
    public CompletionStage<Optional<Task>> workOnce(Function<Task, Analysis> validate) {
        return database.transaction(tx -> tasks.claimNextQueued(tx).thenCompose(claimed -> {
            if (claimed.isEmpty()) {
                return CompletableFuture.completedStage(Optional.<Task>empty());
            }
            Task task = claimed.get();
            return analyses.store(tx, task.getId(), validate.apply(task))
                    .thenCompose(stored -> tasks.complete(tx, task.getId()))
                    .thenApply(Optional::of);
        }));
    }

    public CompletionStage<FindingPage> critical(UUID analysisId, int size) {
        return findings.page(analysisId, Optional.of(Severity.CRITICAL), FindingCursor.first(), size);
    }
}
