package com.auditeng.db.migrate;

import com.auditeng.db.UsageException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetTest {
    private static final Revisions THREE = new Revisions("fixtures", List.of(
            new RevisionFile(new RevisionId(1), "0001_a.yaml", ""),
            new RevisionFile(new RevisionId(2), "0002_b.yaml", ""),
            new RevisionFile(new RevisionId(3), "0003_c.yaml", "")));

    @Test
    void headAndBaseNameTheEnds() {
        assertThat(Target.parse("head").resolve(THREE, 0)).isEqualTo(2);
        assertThat(Target.parse("base").resolve(THREE, 2)).isEqualTo(Target.BASE_POSITION);
    }

    @Test
    void aRevisionNumberNamesItsPosition() {
        assertThat(Target.parse("0002").resolve(THREE, Target.BASE_POSITION)).isEqualTo(1);
    }

    @Test
    void relativeStepsCountFromTheCurrentRevision() {
        assertThat(Target.parse("+2").resolve(THREE, Target.BASE_POSITION)).isEqualTo(1);
        assertThat(Target.parse("-1").resolve(THREE, 2)).isEqualTo(1);
    }

    @Test
    void stepsPastEitherEndAreRefused() {
        assertThatThrownBy(() -> Target.parse("+2").resolve(THREE, 1)).isInstanceOf(UsageException.class)
                .hasMessageContaining("past head");
        assertThatThrownBy(() -> Target.parse("-3").resolve(THREE, 1)).isInstanceOf(UsageException.class)
                .hasMessageContaining("below base");
    }

    @Test
    void anUnknownRevisionIsAUsageError() {
        assertThatThrownBy(() -> Target.parse("0009").resolve(THREE, 0)).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown revision 0009");
    }

    @Test
    void aMisspeltTargetNamesTheAcceptedForms() {
        assertThatThrownBy(() -> Target.parse("hed")).isInstanceOf(UsageException.class)
                .hasMessageContaining("head, base");
        assertThatThrownBy(() -> Target.parse("+0")).isInstanceOf(UsageException.class);
    }

    @Test
    void duplicateNumbersNameBothFiles() {
        assertThatThrownBy(() -> new Revisions("folder", List.of(
                new RevisionFile(new RevisionId(1), "0001_a.yaml", ""),
                new RevisionFile(new RevisionId(1), "0001_b.yaml", ""))))
                .hasMessageContaining("0001_a.yaml").hasMessageContaining("0001_b.yaml");
    }
}
