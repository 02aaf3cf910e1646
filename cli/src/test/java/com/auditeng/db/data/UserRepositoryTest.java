package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Severity;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserRepositoryTest {
    private final HeadDatabase db = HeadDatabase.emptied();

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

    @Test
    void anEmailChangesAndTheOldOneIsFree() {
        User user = await(db.users.create(new User("ada@example.com", "hash")));

        await(db.users.updateEmail(user.getId(), "ada@lovelace.example"));

        User found = await(db.users.findById(user.getId())).orElseThrow();
        assertThat(found.getEmail()).isEqualTo("ada@lovelace.example");
        assertThat(found.getUpdatedAt()).isNotNull();
        assertThat(await(db.users.findByEmail("ada@example.com"))).isEmpty();
    }

    @Test
    void anEmailChangedToAnotherUsersIsRefusedAsADuplicateEmail() {
        User ada = await(db.users.create(new User("ada@example.com", "hash")));
        await(db.users.create(new User("bob@example.com", "hash")));

        assertThatThrownBy(() -> await(db.users.updateEmail(ada.getId(), "bob@example.com")))
                .isInstanceOf(DuplicateEmailException.class)
                .hasMessageStartingWith("a user with email bob@example.com already exists");
        assertThat(db.count("SELECT count(*) FROM users WHERE email = 'ada@example.com'")).isEqualTo(1);
    }

    @Test
    void anEmailOfAMissingUserIsRefused() {
        UUID missing = UUID.randomUUID();

        assertThatThrownBy(() -> await(db.users.updateEmail(missing, "x@example.com")))
                .isInstanceOf(MissingUserException.class)
                .hasMessageStartingWith("user " + missing + " does not exist");
    }

    @Test
    void aPasswordHashIsReplaced() {
        User user = await(db.users.create(new User("ada@example.com", "hash-1")));

        await(db.users.updatePassword(user.getId(), "hash-2"));

        assertThat(await(db.users.findById(user.getId())).orElseThrow().getHashedPassword()).isEqualTo("hash-2");
    }

    @Test
    void aDeactivatedUserKeepsTheirRows() {
        User user = await(db.users.create(new User("ada@example.com", "hash")));
        storeTaskWithFindings(user, 1);

        await(db.users.deactivate(user.getId()));

        assertThat(await(db.users.findById(user.getId())).orElseThrow().isActive()).isFalse();
        assertThat(db.count("SELECT count(*) FROM users WHERE NOT is_active")).isEqualTo(1);
        assertThat(db.rows("tasks")).isEqualTo(1);
    }

    @Test
    void usersAreCounted() {
        await(db.users.create(new User("ada@example.com", "hash")));
        await(db.users.create(new User("bob@example.com", "hash")));

        assertThat(await(db.users.count())).isEqualTo(2);
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
