package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import com.auditeng.db.model.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Every getter a repository's Javadoc says is loaded works on what it returned, after its session closed. */
class LoadedEntitiesTest {
    private final HeadDatabase db = HeadDatabase.emptied();
    private User user;
    private Task task;
    private Analysis analysis;

    @BeforeEach
    void aTaskWithItsAnalysis() {
        user = await(db.users.create(new User("ada@example.com", "hash")));
        task = await(db.tasks.create(user.getId(), new Task("ats.pdf", 1)));
        Analysis stored = new Analysis("ATS", "FAT");
        stored.setVerdict(Verdict.REVIEW);
        stored.addFinding(new Finding(Severity.MAJOR, "FAT-04", "transfer took 12 s"));
        analysis = await(db.analyses.store(task.getId(), stored));
    }

    @Test
    void aTaskComesWithItsUserAndAnalysis() {
        Task found = await(db.tasks.findById(task.getId())).orElseThrow();
        Task listed = await(db.tasks.findByUser(user.getId(), PageRequest.first(10))).get(0);

        assertThat(found.getUser().getEmail()).isEqualTo("ada@example.com");
        assertThat(found.getAnalysis().getVerdict()).isEqualTo(Verdict.REVIEW);
        assertThat(listed.getUser().getEmail()).isEqualTo("ada@example.com");
        assertThat(listed.getAnalysis().getEquipmentType()).isEqualTo("ATS");
    }

    @Test
    void aClaimedTaskComesWithItsUser() {
        Task claimed = await(db.tasks.claimNextQueued()).orElseThrow();

        assertThat(claimed.getUser().getEmail()).isEqualTo("ada@example.com");
    }

    @Test
    void anAnalysisComesWithItsFindingsItsTaskAndTheTasksUser() {
        Analysis found = await(db.analyses.findById(analysis.getId())).orElseThrow();

        assertThat(found.getFindings()).extracting(Finding::getRuleId).containsExactly("FAT-04");
        assertThat(found.getFindings().get(0).getAnalysis().getVerdict()).isEqualTo(Verdict.REVIEW);
        assertThat(found.getTask().getOriginalFilename()).isEqualTo("ats.pdf");
        assertThat(found.getTask().getUser().getEmail()).isEqualTo("ada@example.com");
    }

    @Test
    void aUsersTasksComeOnlyThroughFindWithTasks() {
        User withTasks = await(db.users.findWithTasks(user.getId())).orElseThrow();

        assertThat(withTasks.getTasks()).extracting(Task::getOriginalFilename).containsExactly("ats.pdf");
        assertThat(withTasks.getTasks().get(0).getUser()).isSameAs(withTasks);
        assertThat(withTasks.getTasks().get(0).getAnalysis().getTestType()).isEqualTo("FAT");
    }

    @Test
    void aFindingComesWithItsAnalysis() {
        Finding stored = analysis.getFindings().get(0);

        Finding found = await(db.findings.findById(stored.getId())).orElseThrow();
        Finding paged = await(db.findings.page(analysis.getId(), Optional.empty(), FindingCursor.first(), 10))
                .items().get(0);
        Finding bySeverity = await(db.findings.findByAnalysisAndSeverity(analysis.getId(), Severity.MAJOR)).get(0);

        assertThat(found.getAnalysis().getVerdict()).isEqualTo(Verdict.REVIEW);
        assertThat(paged.getAnalysis().getEquipmentType()).isEqualTo("ATS");
        assertThat(bySeverity.getAnalysis().getTestType()).isEqualTo("FAT");
    }
}
