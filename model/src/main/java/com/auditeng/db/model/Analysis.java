package com.auditeng.db.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The outcome of validating one task's report: extracted data, verdict, scores and findings. */
@Entity
@Table(name = "analyses",
        indexes = @Index(name = "ix_analyses_task_id", columnList = "task_id", unique = true),
        check = {
                @CheckConstraint(name = "ck_analyses_compliance_score",
                        constraint = "compliance_score >= 0 AND compliance_score <= 100"),
                @CheckConstraint(name = "ck_analyses_confidence_score",
                        constraint = "confidence_score >= 0 AND confidence_score <= 1")})
public class Analysis extends BaseEntity {
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id", nullable = false, foreignKey = @ForeignKey(name = "fk_analyses_task_id_tasks"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Task task;

    @Column(name = "equipment_type", length = 50, nullable = false)
    private String equipmentType;

    @Column(name = "test_type", length = 50, nullable = false)
    private String testType;

    @Column(name = "equipment_tag", length = 100)
    private String equipmentTag;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict", length = 50)
    private Verdict verdict;

    @Column(name = "compliance_score")
    private Double complianceScore;

    @Column(name = "confidence_score")
    private Double confidenceScore;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "extraction_result")
    private Map<String, Object> extractionResult;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "validation_result")
    private Map<String, Object> validationResult;

    @OneToMany(mappedBy = "analysis", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Finding> findings = new ArrayList<>();

    protected Analysis() {
    }

    public Analysis(String equipmentType, String testType) {
        this.equipmentType = equipmentType;
        this.testType = testType;
    }

    public Task getTask() {
        return task;
    }

    void setTask(Task task) {
        this.task = task;
    }

    public String getEquipmentType() {
        return equipmentType;
    }

    public String getTestType() {
        return testType;
    }

    public String getEquipmentTag() {
        return equipmentTag;
    }

    public void setEquipmentTag(String equipmentTag) {
        this.equipmentTag = equipmentTag;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public Double getComplianceScore() {
        return complianceScore;
    }

    public void setComplianceScore(Double complianceScore) {
        this.complianceScore = complianceScore;
    }

    public Double getConfidenceScore() {
        return confidenceScore;
    }

    public void setConfidenceScore(Double confidenceScore) {
        this.confidenceScore = confidenceScore;
    }

    public Map<String, Object> getExtractionResult() {
        return extractionResult;
    }

    public void setExtractionResult(Map<String, Object> extractionResult) {
        this.extractionResult = extractionResult;
    }

    public Map<String, Object> getValidationResult() {
        return validationResult;
    }

    public void setValidationResult(Map<String, Object> validationResult) {
        this.validationResult = validationResult;
    }

    public List<Finding> getFindings() {
        return findings;
    }

    /** Adds a finding to this analysis, setting both sides of the relationship. */
    public Finding addFinding(Finding finding) {
        findings.add(finding);
        finding.setAnalysis(this);
        return finding;
    }
}
