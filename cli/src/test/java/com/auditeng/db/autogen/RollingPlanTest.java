package com.auditeng.db.autogen;

import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.SqlExpression;

import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RollingPlanTest {

    @Test
    void aContractRevisionValidatesThenSetsNotNullBeforeAnyOtherStepTakesAnAccessExclusiveLock() {
        RevisionPlan plan = new RevisionPlan(List.of(
                new Change.DropColumn("findings", new SchemaSnapshot.Column("legacy", "text", true, Optional.empty())),
                new Change.AlterNullability("findings", "remediation", false),
                new Change.AddForeignKey("findings", new ForeignKey("fk_findings_reviewer_id_users", List.of("reviewer_id"),
                        "users", List.of("id"), "NO ACTION"))), List.of());

        RollingPlan rolling = RollingPlan.of(plan);

        assertThat(rolling.expand().changes()).hasSize(2).allMatch(change -> change instanceof Change.NotValid);
        assertThat(rolling.contract().changes()).extracting(change -> change.getClass().getSimpleName())
                .containsExactly("Validate", "Validate", "AlterNullability", "DropColumn", "DropCheck");
    }

    @Test
    void aNewNotNullColumnWithAConstantDefaultIsAddedWholeInTheExpandRevision() {
        Change add = new Change.AddColumn("findings", new SchemaSnapshot.Column("language", "character varying(8)",
                false, Optional.of(SqlExpression.of("'en'::character varying"))));

        RollingPlan rolling = RollingPlan.of(new RevisionPlan(List.of(add), List.of()));

        assertThat(rolling.expand().changes()).containsExactly(add);
        assertThat(rolling.fills()).isEmpty();
        assertThat(rolling.contract().changes()).isEmpty();
    }

    @Test
    void aNewNotNullColumnWithADefaultPerRowIsAddedNullableFilledCheckedAndRequiredInTheContract() {
        SqlExpression random = SqlExpression.of("gen_random_uuid()");
        RevisionPlan plan = new RevisionPlan(List.of(new Change.AddColumn("findings",
                new SchemaSnapshot.Column("fingerprint", "uuid", false, Optional.of(random)))), List.of());

        RollingPlan rolling = RollingPlan.of(plan);

        assertThat(rolling.expand().changes()).containsExactly(
                new Change.AddColumn("findings", new SchemaSnapshot.Column("fingerprint", "uuid", true, Optional.empty())),
                new Change.AlterDefault("findings", "fingerprint", Optional.empty(), Optional.of(random)));
        assertThat(rolling.fills()).singleElement().satisfies(fill -> {
            assertThat(fill.value()).isEqualTo("gen_random_uuid()");
            assertThat(fill.where()).isEqualTo("fingerprint IS NULL");
        });
        assertThat(rolling.afterFills().changes()).singleElement().isInstanceOf(Change.NotValid.class);
        assertThat(rolling.contract().changes()).extracting(change -> change.getClass().getSimpleName())
                .containsExactly("Validate", "AlterNullability", "DropCheck");
    }

    @Test
    void aDroppedColumnIsDroppedInTheContractAlone() {
        RevisionPlan plan = new RevisionPlan(List.of(new Change.DropColumn("findings",
                new SchemaSnapshot.Column("legacy", "text", true, Optional.empty()))), List.of());

        RollingPlan rolling = RollingPlan.of(plan);

        assertThat(rolling.expand().isEmpty()).isTrue();
        assertThat(rolling.contract().changes()).singleElement().isInstanceOf(Change.DropColumn.class);
    }
}
