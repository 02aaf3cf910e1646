package com.auditeng.db.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which step of a rolling deploy applies each pending revision. */
class PendingTest {

    @Test
    void theExpandStepEndsAtTheFirstContractRevisionWhateverFollowsIt() {
        Pending pending = new Pending(Optional.of(new RevisionId(1)),
                List.of(revision(2, Phase.EXPAND), revision(3, Phase.EXPAND), revision(4, Phase.CONTRACT),
                        revision(5, Phase.EXPAND)));

        assertThat(pending.expanding()).isEqualTo(2);
        assertThat(IntStream.range(0, 4).mapToObj(pending::stepOf))
                .containsExactly(Phase.EXPAND, Phase.EXPAND, Phase.CONTRACT, Phase.CONTRACT);
    }

    @Test
    void nothingPendingIsNothingToExpand() {
        assertThat(new Pending(Optional.empty(), List.of()).expanding()).isZero();
    }

    private static CompiledRevision revision(int id, Phase phase) {
        RevisionFile file = new RevisionFile(new RevisionId(id), String.format("%04d_step.yaml", id), "");
        return new CompiledRevision(file, List.of(), List.of(), true, Optional.empty(), phase, Optional.empty());
    }
}
