package com.auditeng.db.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

import java.util.Map;

/** One rule's outcome in an analysis, such as a failed grounding test (GND-01). */
@Entity
@Table(name = "findings",
        indexes = {
                @Index(name = "ix_findings_analysis_id", columnList = "analysis_id"),
                @Index(name = "ix_findings_severity", columnList = "severity")})
public class Finding extends BaseEntity {
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "analysis_id", nullable = false, foreignKey = @ForeignKey(name = "fk_findings_analysis_id_analyses"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Analysis analysis;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 50, nullable = false)
    private Severity severity;

    @Column(name = "rule_id", length = 100, nullable = false)
    private String ruleId;

    @Column(name = "message", nullable = false, columnDefinition = "text")
    private String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "evidence")
    private Map<String, Object> evidence;

    @Column(name = "remediation", columnDefinition = "text")
    private String remediation;

    protected Finding() {
    }

    public Finding(Severity severity, String ruleId, String message) {
        this.severity = severity;
        this.ruleId = ruleId;
        this.message = message;
    }

    public Analysis getAnalysis() {
        return analysis;
    }

    void setAnalysis(Analysis analysis) {
        this.analysis = analysis;
    }

    public Severity getSeverity() {
        return severity;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getMessage() {
        return message;
    }

    public Map<String, Object> getEvidence() {
        return evidence;
    }

    public void setEvidence(Map<String, Object> evidence) {
        this.evidence = evidence;
    }

    public String getRemediation() {
        return remediation;
    }

    public void setRemediation(String remediation) {
        this.remediation = remediation;
    }
}
