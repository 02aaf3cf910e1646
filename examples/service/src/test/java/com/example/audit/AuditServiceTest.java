package com.example.audit;

import com.auditeng.db.data.AsyncDatabase;
import com.auditeng.db.data.TaskRepository;
import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.TaskStatus;
import com.auditeng.db.model.User;
import com.auditeng.db.model.Verdict;
import com.auditeng.db.testing.MigratedDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MigratedDatabase
class AuditServiceTest {
    private static Analysis rejected(Task task) {
        Analysis analysis = new Analysis("UPS", "MEGGER");
        analysis.addFinding(new Finding(Severity.CRITICAL, "NETA-7.1", "insulation below 100 MΩ"));
        analysis.addFinding(new Finding(Severity.MINOR, "CX-2", "missing witness signature"));
        analysis.setVerdict(Verdict.REJECTED);
        return analysis;
    }

    @Test
    void aSubmittedReportIsClaimedValidatedAndCompleted(AsyncDatabase db) {
        AuditService service = new AuditService(db);
        User user = service.register("ada@example.com", "hash").toCompletableFuture().join();
        Task task = service.submit(user.getId(), "ups.pdf", 1024).toCompletableFuture().join();

        Task done = service.workOnce(AuditServiceTest::rejected).toCompletableFuture().join().orElseThrow();

        assertThat(done.getId()).isEqualTo(task.getId());
        assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.getAnalysis().getVerdict()).isEqualTo(Verdict.REJECTED);
        assertThat(service.critical(done.getAnalysis().getId(), 10).toCompletableFuture().join().items())
                .extracting(Finding::getRuleId).containsExactly("NETA-7.1");
        assertThat(service.workOnce(AuditServiceTest::rejected).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void aFailedValidationQueuesTheReportAgain(AsyncDatabase db) {
        AuditService service = new AuditService(db);
        User user = service.register("bob@example.com", "hash").toCompletableFuture().join();
        Task task = service.submit(user.getId(), "switchgear.pdf", 2048).toCompletableFuture().join();

        assertThatThrownBy(() -> service.workOnce(claimed -> {
            throw new IllegalStateException("the PDF has no test table");
        }).toCompletableFuture().join()).hasRootCauseMessage("the PDF has no test table");

        Task again = new TaskRepository(db).findById(task.getId()).toCompletableFuture().join().orElseThrow();
        assertThat(again.getStatus()).isEqualTo(TaskStatus.QUEUED);
        assertThat(service.workOnce(AuditServiceTest::rejected).toCompletableFuture().join()).isPresent();
    }

    @Test
    void concurrentWorkersClaimEachReportOnce(AsyncDatabase db) {
        AuditService service = new AuditService(db);
        User user = service.register("carol@example.com", "hash").toCompletableFuture().join();
        for (int i = 0; i < 40; i++) {
            service.submit(user.getId(), "report-" + i + ".pdf", i + 1).toCompletableFuture().join();
        }
        Set<UUID> claimed = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int worker = 0; worker < 4; worker++) {
            workers.add(CompletableFuture.runAsync(() -> {
                Optional<Task> done;
                do {
                    done = service.workOnce(AuditServiceTest::rejected).toCompletableFuture().join();
                    done.ifPresent(task -> assertThat(claimed.add(task.getId())).isTrue());
                } while (done.isPresent());
            }));
        }
        workers.forEach(CompletableFuture::join);

        assertThat(claimed).hasSize(40);
        assertThat(new TaskRepository(db).countByStatus(TaskStatus.COMPLETED).toCompletableFuture().join())
                .isEqualTo(40);
    }
}
