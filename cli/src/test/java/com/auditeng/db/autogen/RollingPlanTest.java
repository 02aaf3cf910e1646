package com.auditeng.db.autogen;

import com.auditeng.db.schema.SchemaSnapshot;

import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RollingPlanTest {

    @Test
    void aContractRevisionValidatesBeforeItTakesAnyAccessExclusiveLock() {
        RevisionPlan plan = new RevisionPlan(List.of(
                new Change.DropColumn("findings", new SchemaSnapshot.Column("legacy", "text", true, Optional.empty())),
                new Change.AlterNullability("findings", "remediation", false),
                new Change.AddForeignKey("findings", new ForeignKey("fk_findings_reviewer_id_users", List.of("reviewer_id"),
                        "users", List.of("id"), "NO ACTION"))), List.of());

        RollingPlan rolling = RollingPlan.of(plan);

        assertThat(rolling.expand().changes()).hasSize(2).allMatch(change -> change instanceof Change.NotValid);
        assertThat(rolling.contract().changes()).extracting(change -> change.getClass().getSimpleName())
                .containsExactly("Validate", "Validate", "DropColumn", "AlterNullability", "DropCheck");
    }
}
