package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.TaskStatus;
import com.auditeng.db.model.User;
import com.auditeng.db.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitOfWorkTest {
    private final HeadDatabase db = HeadDatabase.emptied();

    @Test
    void aFailingStepRollsBackAUnitOfWorkSpanningThreeRepositories() {
        Analysis analysis = new Analysis("PANEL", "GROUNDING");
        analysis.addFinding(new Finding(Severity.MAJOR, "GND-01", "earth resistance 12 Ω"));

        // the last step fails: a QUEUED task cannot be completed
        assertThatThrownBy(() -> await(db.database.transaction(tx -> db.users
                .create(tx, new User("ada@example.com", "hash"))
                .thenCompose(user -> db.tasks.create(tx, user.getId(), new Task("panel.pdf", 1)))
                .thenCompose(task -> db.analyses.store(tx, task.getId(), analysis)
                        .thenCompose(stored -> db.tasks.complete(tx, task.getId()))))))
                .isInstanceOf(InvalidStatusTransitionException.class);

        assertThat(db.rows("users")).isZero();
        assertThat(db.rows("tasks")).isZero();
        assertThat(db.rows("analyses")).isZero();
        assertThat(db.rows("findings")).isZero();
    }

    @Test
    void theAnalysisIsStoredAndItsTaskCompletedTogether() {
        User user = await(db.users.create(new User("ada@example.com", "hash")));
        Task task = await(db.tasks.create(user.getId(), new Task("ups.pdf", 1)));
        await(db.tasks.start(task.getId()));
        Analysis analysis = new Analysis("UPS", "MEGGER");
        analysis.setVerdict(Verdict.APPROVED);

        Task completed = await(db.database.transaction(tx -> db.analyses.store(tx, task.getId(), analysis)
                .thenCompose(stored -> db.tasks.complete(tx, task.getId()))));

        assertThat(completed.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(completed.getAnalysis().getVerdict()).isEqualTo(Verdict.APPROVED);
        assertThat(db.count("SELECT count(*) FROM tasks t JOIN analyses a ON a.task_id = t.id "
                + "WHERE t.status = 'COMPLETED'")).isEqualTo(1);
    }

    @Test
    void aRepositoryCallOutsideTheUnitOfWorkCommitsOnItsOwn() {
        assertThatThrownBy(() -> await(db.database.transaction(tx -> db.users
                .create(new User("outside@example.com", "hash"))
                .thenCompose(ignored -> db.users.create(tx, new User("inside@example.com", "hash")))
                .thenApply(ignored -> {
                    throw new IllegalStateException("the work fails after both");
                }))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the work fails after both");

        assertThat(db.count("SELECT count(*) FROM users WHERE email = 'outside@example.com'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM users WHERE email = 'inside@example.com'")).isZero();
    }

    @Test
    void aUnitOfWorkThatRecoversFromAFailedStepIsRolledBackAnyway() {
        await(db.users.create(new User("ada@example.com", "hash")));

        assertThatThrownBy(() -> await(db.database.transaction(tx -> db.users
                .create(tx, new User("bob@example.com", "hash"))
                .thenCompose(ignored -> db.users.create(tx, new User("ada@example.com", "hash")))
                .exceptionally(duplicate -> null))))
                .isInstanceOf(RolledBackException.class)
                .hasMessageStartingWith("the unit of work was rolled back, as a step of it failed (a user with email "
                        + "ada@example.com already exists")
                .hasCauseInstanceOf(DuplicateEmailException.class);
        assertThat(db.count("SELECT count(*) FROM users WHERE email = 'bob@example.com'")).isZero();
    }

    @Test
    void aUnitOfWorkRefusesStepsAfterItEnded() {
        AtomicReference<UnitOfWork> kept = new AtomicReference<>();
        await(db.database.transaction(tx -> {
            kept.set(tx);
            return CompletableFuture.completedFuture(null);
        }));

        assertThatThrownBy(() -> await(db.users.create(kept.get(), new User("late@example.com", "hash"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("this unit of work has ended");
        assertThat(db.rows("users")).isZero();
    }

    @Test
    void twoStepsStartedAtOnceFailFastInsteadOfSharingTheSession() {
        assertThatThrownBy(() -> await(db.database.transaction(tx -> {
            CompletableFuture<User> first = db.users.create(tx, new User("a@example.com", "hash")).toCompletableFuture();
            CompletableFuture<User> second = db.users.create(tx, new User("b@example.com", "hash")).toCompletableFuture();
            return CompletableFuture.allOf(first, second);
        })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start the next step when the last completes (thenCompose)");
        assertThat(db.rows("users")).isZero();
    }

    @Test
    void aStatusSetOnATaskReadInAUnitOfWorkIsNeverWritten() {
        User user = await(db.users.create(new User("ada@example.com", "hash")));
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));

        await(db.database.transaction(tx -> db.tasks.findById(tx, task.getId()).thenAccept(found ->
                found.orElseThrow().setStatus(TaskStatus.COMPLETED))));

        assertThat(db.count("SELECT count(*) FROM tasks WHERE status = 'QUEUED'")).isEqualTo(1);
    }
}
