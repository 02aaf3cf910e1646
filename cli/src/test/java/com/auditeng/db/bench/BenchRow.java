package com.auditeng.db.bench;

import com.auditeng.db.model.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.id.uuid.UuidVersion7Strategy;

import java.util.UUID;

/**
 * A finding turned into column values the way the async bulk path does it (a version 7 id, evidence as JSON text),
 * so that the JDBC and COPY paths pay the same conversion cost as the async one.
 */
record BenchRow(UUID id, String severity, String ruleId, String message, String evidence, String remediation) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static BenchRow of(Finding finding) {
        try {
            String evidence = finding.getEvidence() == null ? null : JSON.writeValueAsString(finding.getEvidence());
            return new BenchRow(UuidVersion7Strategy.INSTANCE.generateUuid(null), finding.getSeverity().name(),
                    finding.getRuleId(), finding.getMessage(), evidence, finding.getRemediation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
