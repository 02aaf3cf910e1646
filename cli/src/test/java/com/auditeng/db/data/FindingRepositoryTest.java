package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingRepositoryTest {
    private final HeadDatabase db = HeadDatabase.emptied();
    private Analysis analysis;

    @BeforeEach
    void anAnalysisToFind() {
        User user = await(db.users.create(new User("ada@example.com", "hash")));
        Task task = await(db.tasks.create(user.getId(), new Task("gen-1.pdf", 1)));
        analysis = await(db.analyses.store(task.getId(), new Analysis("GEN", "FAT")));
    }

    @Test
    void aFindingRoundTripsWithItsEvidence() {
        Finding finding = new Finding(Severity.MAJOR, "FAT-03", "load step overshoot 14 %");
        finding.setEvidence(Map.of("step", 3, "overshoot", 0.14, "trace", List.of("t0", "t1")));
        finding.setRemediation("retune the governor");

        Finding created = await(db.findings.create(analysis.getId(), finding));
        Finding found = await(db.findings.findById(created.getId())).orElseThrow();

        assertThat(found.getSeverity()).isEqualTo(Severity.MAJOR);
        assertThat(found.getRuleId()).isEqualTo("FAT-03");
        assertThat(found.getMessage()).isEqualTo("load step overshoot 14 %");
        assertThat(found.getEvidence()).isEqualTo(Map.of("step", 3, "overshoot", 0.14, "trace", List.of("t0", "t1")));
        assertThat(found.getRemediation()).isEqualTo("retune the governor");
        assertThat(found.getAnalysis().getId()).isEqualTo(analysis.getId());
    }

    @Test
    void aFindingForAMissingAnalysisIsRefused() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> await(db.findings.create(missing, new Finding(Severity.INFO, "X-1", "orphan"))))
                .isInstanceOf(MissingAnalysisException.class)
                .hasMessage("analysis " + missing + " does not exist, so no finding can be added to it; store the "
                        + "analysis first (AnalysisRepository.store), or check the id");
        assertThat(db.rows("findings")).isZero();
    }

    @Test
    void theFindingsOfAnAnalysisAreReadBySeverity() {
        await(db.findings.createAll(analysis.getId(), List.of(
                new Finding(Severity.CRITICAL, "A-1", "first critical"),
                new Finding(Severity.INFO, "A-2", "an info"),
                new Finding(Severity.CRITICAL, "A-3", "second critical"))));

        List<Finding> critical = await(db.findings.findByAnalysisAndSeverity(analysis.getId(), Severity.CRITICAL));
        List<Finding> minor = await(db.findings.findByAnalysisAndSeverity(analysis.getId(), Severity.MINOR));

        assertThat(critical).extracting(Finding::getRuleId).containsExactly("A-1", "A-3");
        assertThat(minor).isEmpty();
    }

    @Test
    void aBulkInsertStoresEveryRowAcrossSeveralStatements() {
        int count = FindingRepository.BULK_CHUNK * 2 + 8;
        List<Finding> findings = findings(count);

        int inserted = await(db.findings.insertBulk(analysis.getId(), findings));

        assertThat(inserted).isEqualTo(count);
        assertThat(db.rows("findings")).isEqualTo(count);
        assertThat(db.count("SELECT count(DISTINCT id) FROM findings WHERE analysis_id = '" + analysis.getId() + "'"))
                .isEqualTo(count);
        List<Finding> major = await(db.findings.findByAnalysisAndSeverity(analysis.getId(), Severity.MAJOR));
        assertThat(major.size()).isEqualTo(count / 4);
        assertThat(major.get(0).getRuleId()).isEqualTo("B-1");
        assertThat(major.get(0).getEvidence()).isEqualTo(Map.of("row", 1, "ohms", 0.5));
        assertThat(major.get(0).getId().version()).isEqualTo(7);
        assertThat(major.get(0).getCreatedAt()).isNotNull();
    }

    @Test
    void aBulkInsertWithABadRowInItsLastStatementLeavesNothingBehind() {
        List<Finding> findings = findings(FindingRepository.BULK_CHUNK + 10);
        findings.add(new Finding(Severity.INFO, "R".repeat(101), "too long a rule id"));

        assertThatThrownBy(() -> await(db.findings.insertBulk(analysis.getId(), findings)))
                .isInstanceOf(ValueTooLongException.class)
                .hasMessageStartingWith("findings.rule_id holds at most 100 characters");
        assertThat(db.rows("findings")).isZero();
    }

    @Test
    void aBulkInsertForAMissingAnalysisIsRefused() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> await(db.findings.insertBulk(missing, findings(3))))
                .isInstanceOf(MissingAnalysisException.class);
        assertThat(db.rows("findings")).isZero();
    }

    @Test
    void pagesOfOneSeverityFollowTheirCursorsToTheLastFinding() {
        await(db.findings.insertBulk(analysis.getId(), findings(40)));

        List<String> seen = new ArrayList<>();
        FindingCursor cursor = FindingCursor.first();
        int pages = 0;
        while (cursor != null) {
            FindingPage page = await(db.findings.page(analysis.getId(), Optional.of(Severity.MAJOR), cursor, 3));
            page.items().forEach(finding -> seen.add(finding.getRuleId()));
            cursor = page.next().orElse(null);
            pages++;
        }

        // MAJOR is every fourth row, from B-1: ten findings in pages of 3, 3, 3 and 1
        assertThat(pages).isEqualTo(4);
        assertThat(seen).hasSize(10).doesNotHaveDuplicates().allMatch(rule -> Integer.parseInt(rule.substring(2)) % 4 == 1);
        assertThat(await(db.findings.count(analysis.getId(), Optional.of(Severity.MAJOR)))).isEqualTo(10);
        assertThat(await(db.findings.count(analysis.getId(), Optional.empty()))).isEqualTo(40);
    }

    @Test
    void aCursorRoundTripsAsText() {
        await(db.findings.insertBulk(analysis.getId(), findings(5)));
        FindingPage first = await(db.findings.page(analysis.getId(), Optional.empty(), FindingCursor.first(), 2));

        FindingCursor parsed = FindingCursor.parse(first.next().orElseThrow().toString());
        FindingPage second = await(db.findings.page(analysis.getId(), Optional.empty(), parsed, 10));

        assertThat(second.items()).hasSize(3);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void aPageLimitOutOfRangeIsRefused() {
        assertThatThrownBy(() -> await(db.findings.page(analysis.getId(), Optional.empty(), FindingCursor.first(), 0)))
                .hasMessage("findings page limit 0 is out of range; use 1-1000");
    }

    private static List<Finding> findings(int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Finding finding = new Finding(Severity.values()[i % 4], "B-" + i, "bulk finding " + i);
            finding.setEvidence(Map.of("row", i, "ohms", i * 0.5));
            findings.add(finding);
        }
        return findings;
    }
}
