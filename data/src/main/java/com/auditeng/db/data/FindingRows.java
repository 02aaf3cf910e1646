package com.auditeng.db.data;

import com.auditeng.db.model.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.hibernate.reactive.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Many findings as one column array each, inserted by a single {@code INSERT … SELECT FROM unnest(…)}: one statement
 * and one round trip for thousands of rows, where one INSERT per row costs the server a parse-bind-execute each.
 */
final class FindingRows {
    // created_at is left to the column default (now()); updated_at stays null as for any new row
    private static final String INSERT = "insert into findings (id, analysis_id, severity, rule_id, message, evidence, "
            + "remediation) select r.id, :analysisId, r.severity, r.rule_id, r.message, cast(r.evidence as jsonb), "
            + "r.remediation from unnest(cast(:ids as uuid[]), cast(:severities as text[]), cast(:ruleIds as text[]), "
            + "cast(:messages as text[]), cast(:evidence as text[]), cast(:remediations as text[])) "
            + "as r(id, severity, rule_id, message, evidence, remediation)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID[] ids;
    private final String[] severities;
    private final String[] ruleIds;
    private final String[] messages;
    private final String[] evidence;
    private final String[] remediations;

    private FindingRows(int size) {
        ids = new UUID[size];
        severities = new String[size];
        ruleIds = new String[size];
        messages = new String[size];
        evidence = new String[size];
        remediations = new String[size];
    }

    /** The findings cut into statements of at most {@code size} rows each. */
    static List<FindingRows> chunks(List<Finding> findings, int size) {
        List<FindingRows> chunks = new ArrayList<>();
        for (int from = 0; from < findings.size(); from += size) {
            chunks.add(of(findings.subList(from, Math.min(from + size, findings.size()))));
        }
        return chunks;
    }

    static FindingRows of(List<Finding> findings) {
        FindingRows rows = new FindingRows(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            // the generator behind the entities' @UuidGenerator(VERSION_7): the same time-ordered keys
            rows.ids[i] = UuidVersion7Strategy.INSTANCE.generateUuid(null);
            rows.severities[i] = finding.getSeverity() == null ? null : finding.getSeverity().name();
            rows.ruleIds[i] = finding.getRuleId();
            rows.messages[i] = finding.getMessage();
            rows.evidence[i] = json(finding);
            rows.remediations[i] = finding.getRemediation();
        }
        return rows;
    }

    CompletionStage<Integer> insert(Stage.Session session, UUID analysisId) {
        return session.createNativeQuery(INSERT)
                .setParameter("analysisId", analysisId)
                .setParameter("ids", ids)
                .setParameter("severities", severities)
                .setParameter("ruleIds", ruleIds)
                .setParameter("messages", messages)
                .setParameter("evidence", evidence)
                .setParameter("remediations", remediations)
                .executeUpdate();
    }

    private static String json(Finding finding) {
        if (finding.getEvidence() == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(finding.getEvidence());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the evidence of finding " + finding.getRuleId() + " cannot be written "
                    + "as JSON (" + e.getOriginalMessage() + "); keep it to maps, lists, strings, numbers and booleans",
                    e);
        }
    }
}
