package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.TaskStatus;
import com.auditeng.db.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Stream;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRepositoryTest {
    private final HeadDatabase db = HeadDatabase.emptied();
    private User user;

    @BeforeEach
    void aUserWithNoTasks() {
        user = await(db.users.create(new User("ada@example.com", "hash")));
    }

    @Test
    void aTaskRoundTripsQueuedWithItsFile() {
        Task task = new Task("panel-7.pdf", 52_431);
        task.setFilePath("uploads/2024/panel-7.pdf");

        Task created = await(db.tasks.create(user.getId(), task));
        Task found = await(db.tasks.findById(created.getId())).orElseThrow();

        assertThat(found.getStatus()).isEqualTo(TaskStatus.QUEUED);
        assertThat(found.getOriginalFilename()).isEqualTo("panel-7.pdf");
        assertThat(found.getFilePath()).isEqualTo("uploads/2024/panel-7.pdf");
        assertThat(found.getFileSize()).isEqualTo(52_431);
        assertThat(found.getErrorMessage()).isNull();
        assertThat(found.getAnalysis()).isNull();
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'QUEUED' AND user_id = '" + user.getId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aTaskForAMissingUserIsRefused() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> await(db.tasks.create(missing, new Task("a.pdf", 1))))
                .isInstanceOf(MissingUserException.class)
                .hasMessageContaining("user " + missing + " does not exist");
        assertThat(db.rows("tasks")).isZero();
    }

    @Test
    void theTasksOfAUserComeNewestFirstOnePageAtATime() {
        User other = await(db.users.create(new User("bob@example.com", "hash")));
        for (int i = 1; i <= 5; i++) {
            await(db.tasks.create(user.getId(), new Task("report-" + i + ".pdf", i)));
        }
        await(db.tasks.create(other.getId(), new Task("not-mine.pdf", 1)));

        List<Task> first = await(db.tasks.findByUser(user.getId(), PageRequest.first(2)));
        List<Task> second = await(db.tasks.findByUser(user.getId(), PageRequest.first(2).next()));
        List<Task> last = await(db.tasks.findByUser(user.getId(), new PageRequest(2, 2)));

        assertThat(names(first)).containsExactly("report-5.pdf", "report-4.pdf");
        assertThat(names(second)).containsExactly("report-3.pdf", "report-2.pdf");
        assertThat(names(last)).containsExactly("report-1.pdf");
    }

    @Test
    void tasksByStatusListOnlyThatStatusOldestFirst() {
        Task first = await(db.tasks.create(user.getId(), new Task("first.pdf", 1)));
        Task second = await(db.tasks.create(user.getId(), new Task("second.pdf", 1)));
        await(db.tasks.create(user.getId(), new Task("third.pdf", 1)));
        await(db.tasks.transition(second.getId(), TaskStatus.PROCESSING));

        List<Task> queued = await(db.tasks.findByStatus(TaskStatus.QUEUED, PageRequest.first(10)));
        List<Task> processing = await(db.tasks.findByStatus(TaskStatus.PROCESSING, PageRequest.first(10)));

        assertThat(names(queued)).containsExactly("first.pdf", "third.pdf");
        assertThat(processing).extracting(Task::getId).containsExactly(second.getId());
        assertThat(first.getStatus()).isEqualTo(TaskStatus.QUEUED);
    }

    @Test
    void aTaskMovesFromQueuedThroughProcessingToCompleted() {
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));

        Task processing = await(db.tasks.transition(task.getId(), TaskStatus.PROCESSING));
        Task completed = await(db.tasks.transition(task.getId(), TaskStatus.COMPLETED));

        assertThat(processing.getStatus()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(completed.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(completed.getUpdatedAt()).isNotNull();
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'COMPLETED' AND updated_at IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void aFailedTaskKeepsWhatWentWrong() {
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));
        await(db.tasks.transition(task.getId(), TaskStatus.PROCESSING));

        await(db.tasks.fail(task.getId(), "the PDF has no text layer"));

        Task failed = await(db.tasks.findById(task.getId())).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.getErrorMessage()).isEqualTo("the PDF has no text layer");
    }

    @Test
    void aQueuedTaskCannotJumpToCompleted() {
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));

        assertThatThrownBy(() -> await(db.tasks.transition(task.getId(), TaskStatus.COMPLETED)))
                .isInstanceOf(InvalidStatusTransitionException.class)
                .hasMessage("task " + task.getId() + " cannot move from QUEUED to COMPLETED; a task goes QUEUED → "
                        + "PROCESSING → COMPLETED or FAILED, so from QUEUED it may move to PROCESSING");
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'QUEUED'")).isEqualTo(1);
    }

    @Test
    void aCompletedTaskCannotMoveAgain() {
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));
        await(db.tasks.transition(task.getId(), TaskStatus.PROCESSING));
        await(db.tasks.transition(task.getId(), TaskStatus.COMPLETED));

        assertThatThrownBy(() -> await(db.tasks.fail(task.getId(), "too late")))
                .isInstanceOf(InvalidStatusTransitionException.class)
                .hasMessageEndingWith("so COMPLETED is final");
        Task stored = await(db.tasks.findById(task.getId())).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(stored.getErrorMessage()).isNull();
    }

    @Test
    void twoWorkersCannotBothStartOneTask() {
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));

        CompletionStage<Task> first = db.tasks.transition(task.getId(), TaskStatus.PROCESSING);
        CompletionStage<Task> second = db.tasks.transition(task.getId(), TaskStatus.PROCESSING);

        List<Throwable> failures = Stream.of(first, second)
                .map(stage -> await(stage.handle((started, failure) -> Optional.ofNullable(failure))))
                .flatMap(Optional::stream)
                .toList();
        assertThat(failures).singleElement().isInstanceOf(InvalidStatusTransitionException.class);
    }

    @Test
    void transitionOfAMissingTaskIsRefused() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> await(db.tasks.transition(missing, TaskStatus.PROCESSING)))
                .isInstanceOf(MissingTaskException.class)
                .hasMessageContaining("task " + missing + " does not exist");
    }

    @Test
    void deletingATaskRemovesItsAnalysisAndFindings() {
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));
        Task other = await(db.tasks.create(user.getId(), new Task("b.pdf", 1)));
        Analysis analysis = new Analysis("PANEL", "GROUNDING");
        analysis.addFinding(new Finding(Severity.MINOR, "GND-01", "one"));
        await(db.analyses.store(task.getId(), analysis));

        boolean deleted = await(db.tasks.delete(task.getId()));

        assertThat(deleted).isTrue();
        assertThat(db.rows("tasks")).isEqualTo(1);
        assertThat(db.rows("analyses")).isZero();
        assertThat(db.rows("findings")).isZero();
        assertThat(await(db.tasks.findById(other.getId()))).isPresent();
        assertThat(await(db.tasks.delete(task.getId()))).isFalse();
    }

    @Test
    void tasksAreCountedByStatusAndByUser() {
        User other = await(db.users.create(new User("bob@example.com", "hash")));
        Task first = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));
        await(db.tasks.create(user.getId(), new Task("b.pdf", 1)));
        await(db.tasks.create(other.getId(), new Task("c.pdf", 1)));
        await(db.tasks.start(first.getId()));

        assertThat(await(db.tasks.countByStatus(TaskStatus.QUEUED))).isEqualTo(2);
        assertThat(await(db.tasks.countByStatus(TaskStatus.PROCESSING))).isEqualTo(1);
        assertThat(await(db.tasks.countByUser(user.getId()))).isEqualTo(2);
    }

    @Test
    void aWorkerClaimsTheOldestQueuedTaskAndNothingWhenNoneIsQueued() {
        Task oldest = await(db.tasks.create(user.getId(), new Task("first.pdf", 1)));
        await(db.tasks.create(user.getId(), new Task("second.pdf", 1)));

        Task claimed = await(db.tasks.claimNextQueued()).orElseThrow();
        await(db.tasks.claimNextQueued());
        Optional<Task> none = await(db.tasks.claimNextQueued());

        assertThat(claimed.getId()).isEqualTo(oldest.getId());
        assertThat(claimed.getStatus()).isEqualTo(TaskStatus.PROCESSING);
        assertThat(none).isEmpty();
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'PROCESSING' AND updated_at IS NOT NULL"))
                .isEqualTo(2);
    }

    @Test
    void eightWorkersClaimEachOfAThousandTasksExactlyOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            await(db.database.transaction(tx -> createHundred(tx)));
        }
        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger claims = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);

        List<Future<?>> running = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            running.add(workers.submit(() -> {
                Optional<Task> task;
                while ((task = await(db.tasks.claimNextQueued())).isPresent()) {
                    claimed.add(task.get().getId());
                    claims.incrementAndGet();
                }
            }));
        }
        for (Future<?> worker : running) {
            worker.get(120, TimeUnit.SECONDS);
        }
        workers.shutdown();

        assertThat(claims.get()).isEqualTo(1000);
        assertThat(claimed).hasSize(1000);
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'PROCESSING'")).isEqualTo(1000);
    }

    @Test
    void workersOnPlainThreadsRunWholeUnitsOfWorkConcurrently() throws Exception {
        await(db.database.transaction(tx -> createHundred(tx)));
        Set<UUID> completed = ConcurrentHashMap.newKeySet();
        ExecutorService workers = Executors.newFixedThreadPool(8);

        // each worker claims, stores an analysis with findings and completes, in one unit of work: several steps of
        // one session, started from a thread that is not the session's
        List<Future<?>> running = new ArrayList<>();
        for (int worker = 0; worker < 8; worker++) {
            running.add(workers.submit(() -> {
                Optional<Task> done;
                do {
                    done = await(db.database.transaction(tx -> db.tasks.claimNextQueued(tx).thenCompose(next -> {
                        if (next.isEmpty()) {
                            return CompletableFuture.completedStage(Optional.<Task>empty());
                        }
                        Analysis analysis = new Analysis("UPS", "MEGGER");
                        analysis.addFinding(new Finding(Severity.MINOR, "CX-2", "missing signature"));
                        return db.analyses.store(tx, next.get().getId(), analysis)
                                .thenCompose(stored -> db.tasks.complete(tx, next.get().getId()))
                                .thenApply(Optional::of);
                    })));
                    done.ifPresent(task -> assertThat(completed.add(task.getId())).isTrue());
                } while (done.isPresent());
            }));
        }
        for (Future<?> worker : running) {
            worker.get(120, TimeUnit.SECONDS);
        }
        workers.shutdown();

        assertThat(completed).hasSize(100);
        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'COMPLETED'")).isEqualTo(100);
    }

    @Test
    void aWorkersLifecycleLogsNothingAboveInfo() {
        await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));
        await(db.tasks.create(user.getId(), new Task("b.pdf", 1)));

        List<String> logged = LogCapture.above(Level.INFO, () -> {
            Task first = await(db.database.transaction(tx -> db.tasks.claimNextQueued(tx)
                    .thenCompose(claimed -> db.tasks.complete(tx, claimed.orElseThrow().getId()))));
            assertThat(first.getStatus()).isEqualTo(TaskStatus.COMPLETED);
            Task second = await(db.tasks.claimNextQueued()).orElseThrow();
            assertThat(await(db.tasks.fail(second.getId(), "unreadable PDF")).getStatus()).isEqualTo(TaskStatus.FAILED);
        });

        assertThat(logged).isEmpty();
    }

    @Test
    void aNewTaskThatIsNotQueuedIsRefused() {
        Task task = new Task("a.pdf", 1);
        task.setStatus(TaskStatus.COMPLETED);

        assertThatThrownBy(() -> await(db.tasks.create(user.getId(), task)))
                .isInstanceOf(InvalidStatusTransitionException.class)
                .hasMessageStartingWith("a new task starts QUEUED, and this one was given COMPLETED");
        assertThat(db.rows("tasks")).isZero();
    }

    private CompletionStage<Void> createHundred(UnitOfWork tx) {
        CompletionStage<Void> all = CompletableFuture.completedFuture(null);
        for (int i = 0; i < 100; i++) {
            all = all.thenCompose(ignored -> db.tasks.create(tx, user.getId(), new Task("t.pdf", 1))
                    .thenAccept(task -> { }));
        }
        return all;
    }

    private static List<String> names(List<Task> tasks) {
        return tasks.stream().map(Task::getOriginalFilename).toList();
    }
}
