package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import com.auditeng.db.model.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisRepositoryTest {
    private final HeadDatabase db = HeadDatabase.emptied();
    private Task task;

    @BeforeEach
    void aTaskToAnalyse() {
        User user = await(db.users.create(new User("ada@example.com", "hash")));
        task = await(db.tasks.create(user.getId(), new Task("ups-3.pdf", 2048)));
    }

    @Test
    void anAnalysisRoundTripsWithItsJsonDocumentsScoresAndFindings() {
        Analysis analysis = new Analysis("UPS", "MEGGER");
        analysis.setEquipmentTag("UPS-3A");
        analysis.setVerdict(Verdict.REVIEW);
        analysis.setComplianceScore(87.5);
        analysis.setConfidenceScore(0.92);
        analysis.setExtractionResult(Map.of("site", "DC-2", "readings", List.of(Map.of("phase", "A", "megohm", 550)),
                "signed", true));
        analysis.setValidationResult(Map.of("rules", 12, "passed", 11));
        Finding critical = analysis.addFinding(new Finding(Severity.CRITICAL, "MEG-01", "phase B below 100 MΩ"));
        critical.setEvidence(Map.of("phase", "B", "megohm", 42.5, "limits", List.of(100, 1000)));
        critical.setRemediation("dry the cable and test again");
        analysis.addFinding(new Finding(Severity.INFO, "CAL-02", "calibration certificate attached"));

        await(db.analyses.store(task.getId(), analysis));
        Analysis found = await(db.analyses.findByTaskWithFindings(task.getId())).orElseThrow();

        assertThat(found.getId()).isEqualTo(analysis.getId());
        assertThat(found.getTask().getId()).isEqualTo(task.getId());
        assertThat(found.getEquipmentType()).isEqualTo("UPS");
        assertThat(found.getTestType()).isEqualTo("MEGGER");
        assertThat(found.getEquipmentTag()).isEqualTo("UPS-3A");
        assertThat(found.getVerdict()).isEqualTo(Verdict.REVIEW);
        assertThat(found.getComplianceScore()).isEqualTo(87.5);
        assertThat(found.getConfidenceScore()).isEqualTo(0.92);
        assertThat(found.getExtractionResult()).isEqualTo(Map.of("site", "DC-2",
                "readings", List.of(Map.of("phase", "A", "megohm", 550)), "signed", true));
        assertThat(found.getValidationResult()).isEqualTo(Map.of("rules", 12, "passed", 11));
        assertThat(found.getFindings()).extracting(Finding::getRuleId).containsExactly("MEG-01", "CAL-02");
        Finding foundCritical = found.getFindings().get(0);
        assertThat(foundCritical.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(foundCritical.getMessage()).isEqualTo("phase B below 100 MΩ");
        assertThat(foundCritical.getEvidence()).isEqualTo(Map.of("phase", "B", "megohm", 42.5,
                "limits", List.of(100, 1000)));
        assertThat(foundCritical.getRemediation()).isEqualTo("dry the cable and test again");
        assertThat(db.count("SELECT count(*) FROM analyses WHERE verdict = 'REVIEW' "
                + "AND jsonb_typeof(extraction_result) = 'object' AND extraction_result->>'site' = 'DC-2'"))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM findings WHERE severity = 'CRITICAL' "
                + "AND (evidence->>'megohm')::numeric = 42.5")).isEqualTo(1);
    }

    @Test
    void findByIdReadsTheAnalysisWithItsFindings() {
        Analysis analysis = new Analysis("ATS", "FAT");
        analysis.addFinding(new Finding(Severity.MAJOR, "FAT-04", "transfer took 12 s"));
        await(db.analyses.store(task.getId(), analysis));

        Analysis found = await(db.analyses.findById(analysis.getId())).orElseThrow();

        assertThat(found.getFindings()).extracting(Finding::getRuleId).containsExactly("FAT-04");
        assertThat(await(db.analyses.findById(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void theAnalysisOfATaskIsEmptyWhileTheTaskHasNone() {
        assertThat(await(db.analyses.findByTaskWithFindings(task.getId()))).isEmpty();
    }

    @Test
    void aSecondAnalysisForATaskIsRefusedAndTheFirstStaysWhole() {
        Analysis first = new Analysis("PANEL", "GROUNDING");
        first.addFinding(new Finding(Severity.MINOR, "GND-01", "first"));
        await(db.analyses.store(task.getId(), first));
        Analysis second = new Analysis("PANEL", "GROUNDING");
        second.addFinding(new Finding(Severity.MINOR, "GND-01", "second"));

        assertThatThrownBy(() -> await(db.analyses.store(task.getId(), second)))
                .isInstanceOf(AnalysisAlreadyExistsException.class)
                .hasMessageStartingWith("task " + task.getId() + " already has an analysis; a task has at most one");
        assertThat(db.rows("analyses")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM findings WHERE message = 'first'")).isEqualTo(1);
        assertThat(db.rows("findings")).isEqualTo(1);
    }

    @Test
    void twoAnalysesStoredAtOnceForOneTaskKeepExactlyOne() {
        Analysis one = new Analysis("GEN", "FAT");
        one.addFinding(new Finding(Severity.INFO, "FAT-01", "one"));
        Analysis other = new Analysis("GEN", "FAT");
        other.addFinding(new Finding(Severity.INFO, "FAT-01", "other"));

        CompletionStage<Analysis> first = db.analyses.store(task.getId(), one);
        CompletionStage<Analysis> second = db.analyses.store(task.getId(), other);

        List<Throwable> failures = Stream.of(first, second)
                .map(stage -> await(stage.handle((stored, failure) -> Optional.ofNullable(failure))))
                .flatMap(Optional::stream)
                .toList();
        assertThat(failures).singleElement().isInstanceOf(AnalysisAlreadyExistsException.class);
        assertThat(db.rows("analyses")).isEqualTo(1);
        assertThat(db.rows("findings")).isEqualTo(1);
    }

    @Test
    void anAnalysisWithOneBadFindingLeavesNothingBehind() {
        Analysis analysis = new Analysis("XFMR", "THERMOGRAPHY");
        for (int i = 0; i < 20; i++) {
            analysis.addFinding(new Finding(Severity.MINOR, "THR-" + i, "hot spot " + i));
        }
        // rule_id is varchar(100): the last finding is refused, naming the column, before any row is sent
        analysis.addFinding(new Finding(Severity.MAJOR, "R".repeat(101), "too long a rule id"));

        assertThatThrownBy(() -> await(db.analyses.store(task.getId(), analysis)))
                .isInstanceOf(ValueTooLongException.class)
                .hasMessageStartingWith("findings.rule_id holds at most 100 characters");
        assertThat(db.rows("analyses")).isZero();
        assertThat(db.rows("findings")).isZero();
        assertThat(await(db.analyses.findByTaskWithFindings(task.getId()))).isEmpty();
    }

    @Test
    void anAnalysisForAMissingTaskIsRefused() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> await(db.analyses.store(missing, new Analysis("PANEL", "GROUNDING"))))
                .isInstanceOf(MissingTaskException.class)
                .hasMessageContaining("task " + missing + " does not exist");
        assertThat(db.rows("analyses")).isZero();
    }
}
