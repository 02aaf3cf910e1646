package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserRepositoryTest {
    private HeadDatabase db;

    @BeforeEach
    void openDatabase() {
        db = HeadDatabase.open();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void aUserRoundTripsByIdAndByEmail() {
        User created = await(db.users.create(new User("ada@example.com", "hash-1")));

        User byId = await(db.users.findById(created.getId())).orElseThrow();
        User byEmail = await(db.users.findByEmail("ada@example.com")).orElseThrow();

        assertThat(byId.getId()).isEqualTo(created.getId()).isEqualTo(byEmail.getId());
        assertThat(byId.getEmail()).isEqualTo("ada@example.com");
        assertThat(byId.getHashedPassword()).isEqualTo("hash-1");
        assertThat(byId.isActive()).isTrue();
        assertThat(byId.getCreatedAt()).isNotNull();
        assertThat(byId.getId().version()).isEqualTo(7);
    }

    @Test
    void findByEmailIsEmptyForAnUnknownEmail() {
        assertThat(await(db.users.findByEmail("nobody@example.com"))).isEmpty();
    }

    @Test
    void aSecondUserWithTheSameEmailIsRefusedAsADuplicateEmail() {
        await(db.users.create(new User("ada@example.com", "hash-1")));

        assertThatThrownBy(() -> await(db.users.create(new User("ada@example.com", "hash-2"))))
                .isInstanceOf(DuplicateEmailException.class)
                .hasMessage("a user with email ada@example.com already exists; sign in as that user, or use another "
                        + "email");
        assertThat(db.rows("users")).isEqualTo(1);
    }

    @Test
    void deletingAUserRemovesTheirTasksAnalysesAndFindings() {
        User user = await(db.users.create(new User("ada@example.com", "hash")));
        User other = await(db.users.create(new User("bob@example.com", "hash")));
        storeTaskWithFindings(user, 3);
        storeTaskWithFindings(user, 2);
        storeTaskWithFindings(other, 4);

        boolean deleted = await(db.users.delete(user.getId()));

        assertThat(deleted).isTrue();
        assertThat(db.rows("users")).isEqualTo(1);
        assertThat(db.rows("tasks")).isEqualTo(1);
        assertThat(db.rows("analyses")).isEqualTo(1);
        assertThat(db.rows("findings")).isEqualTo(4);
        assertThat(await(db.users.delete(user.getId()))).isFalse();
    }

    private void storeTaskWithFindings(User user, int findings) {
        Task task = await(db.tasks.create(user.getId(), new Task("report.pdf", 1024)));
        Analysis analysis = new Analysis("PANEL", "GROUNDING");
        for (int i = 0; i < findings; i++) {
            analysis.addFinding(new Finding(Severity.MINOR, "GND-0" + i, "finding " + i));
        }
        await(db.analyses.store(task.getId(), analysis));
    }
}
