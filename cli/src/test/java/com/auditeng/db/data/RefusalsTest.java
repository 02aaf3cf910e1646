package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefusalsTest {
    private final HeadDatabase db = HeadDatabase.emptied();
    private User user;

    @BeforeEach
    void aUser() {
        user = await(db.users.create(new User("ada@example.com", "hash")));
    }

    @Test
    void aNullRequiredFieldIsAMissingValueNamingItsColumn() {
        assertThatThrownBy(() -> await(db.users.create(new User(null, "hash"))))
                .isInstanceOf(MissingValueException.class)
                .hasMessage("users.email is required and was null; set it before storing")
                .satisfies(e -> assertThat(((MissingValueException) e).column()).isEqualTo("users.email"));
    }

    @Test
    void aNullTheServerRefusesIsAMissingValueNamingItsColumn() {
        assertThatThrownBy(() -> await(db.database.transaction(tx -> tx.run(session -> session
                .createNativeQuery("insert into users (id, email, hashed_password) values (gen_random_uuid(), null, "
                        + "'hash')")
                .executeUpdate()))))
                .isInstanceOf(MissingValueException.class)
                .hasMessage("users.email is required and was null; set it before storing");
    }

    @Test
    void aValueBreakingACheckIsAnInvalidValueNamingTheConstraintAndItsRule() {
        Task task = await(db.tasks.create(user.getId(), new Task("a.pdf", 1)));
        Analysis analysis = new Analysis("PANEL", "GROUNDING");
        analysis.setComplianceScore(120.0);

        assertThatThrownBy(() -> await(db.analyses.store(task.getId(), analysis)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("a value breaks check constraint ck_analyses_compliance_score (compliance_score >= 0 AND "
                        + "compliance_score <= 100); change it to a value the rule allows")
                .satisfies(e -> assertThat(((InvalidValueException) e).constraint())
                        .isEqualTo("ck_analyses_compliance_score"));
        assertThat(db.rows("analyses")).isZero();
    }

    @Test
    void aNegativeFileSizeIsAnInvalidValue() {
        assertThatThrownBy(() -> await(db.tasks.create(user.getId(), new Task("a.pdf", -1))))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("a value breaks check constraint ck_tasks_file_size (file_size >= 0)");
    }

    @Test
    void aTooLongTextIsRefusedNamingItsColumnAndLimit() {
        assertThatThrownBy(() -> await(db.tasks.create(user.getId(), new Task("f".repeat(256), 1))))
                .isInstanceOf(ValueTooLongException.class)
                .hasMessage("tasks.original_filename holds at most 255 characters and was given more; shorten the "
                        + "value, or check its length before storing")
                .satisfies(e -> assertThat(((ValueTooLongException) e).limit()).isEqualTo(255));
        assertThat(db.rows("tasks")).isZero();
    }

    @Test
    void aTooLongTextTheServerRefusesIsAValueTooLongWithItsLimit() {
        assertThatThrownBy(() -> await(db.database.transaction(tx -> tx.run(session -> session
                .createNativeQuery("update users set email = repeat('e', 300)")
                .executeUpdate()))))
                .isInstanceOf(ValueTooLongException.class)
                .hasMessageStartingWith("a varchar column holds at most 255 characters");
    }

    @Test
    void anUnknownForeignKeyIsAMissingReferenceNamingTheKey() {
        assertThatThrownBy(() -> await(db.database.transaction(tx -> tx.run(session -> session
                .createNativeQuery("insert into findings (id, analysis_id, severity, rule_id, message) values "
                        + "(gen_random_uuid(), gen_random_uuid(), 'INFO', 'X-1', 'orphan')")
                .executeUpdate()))))
                .isInstanceOf(MissingReferenceException.class)
                .hasMessage("the row refers to a row that does not exist through foreign key "
                        + "fk_findings_analysis_id_analyses; store the referred row first, or check the id");
    }

    @Test
    void aDuplicateKeyOtherThanAnEmailIsADuplicateValueNamingTheConstraint() {
        assertThatThrownBy(() -> await(db.database.transaction(tx -> tx.run(session -> session
                .createNativeQuery("insert into users (id, email, hashed_password) values ('" + user.getId()
                        + "', 'other@example.com', 'hash')")
                .executeUpdate()))))
                .isInstanceOf(DuplicateValueException.class)
                .hasMessage("a row with the same value of pk_users exists already; read that row, or store another "
                        + "value");
    }

    @Test
    void aUserObjectCreatedTwiceIsRefusedAsAlreadyStored() {
        assertThatThrownBy(() -> await(db.users.create(user)))
                .isInstanceOf(AlreadyStoredException.class)
                .hasMessage("user " + user.getId() + " was given to create or store before; build a new object for a "
                        + "new row, or change the stored one through its repository's update methods");
        assertThat(db.rows("users")).isEqualTo(1);
    }

    @Test
    void expectedRefusalsLogNothingAboveDebug() {
        List<String> logged = LogCapture.above(Level.FINE, () -> {
            refuse(() -> await(db.users.create(new User("ada@example.com", "hash"))));
            refuse(() -> await(db.tasks.create(UUID.randomUUID(), new Task("a.pdf", 1))));
            refuse(() -> await(db.tasks.create(user.getId(), new Task("a.pdf", -1))));
            refuse(() -> await(db.database.transaction(tx -> tx.run(session -> session
                    .createNativeQuery("update users set email = repeat('e', 300)").executeUpdate()))));
        });

        assertThat(logged).isEmpty();
    }

    @Test
    void applicationsCanBuildEveryRefusalForTheirOwnTests() {
        List<DataAccessException> refusals = List.of(
                new MissingValueException("users.email", null),
                new InvalidValueException("ck_tasks_file_size", "file_size >= 0", null),
                new ValueTooLongException("findings.rule_id", 100, null),
                new MissingReferenceException("fk_tasks_user_id_users", null),
                new DuplicateValueException("pk_users", null),
                new DuplicateEmailException("ada@example.com", null),
                new AlreadyStoredException("task", UUID.randomUUID(), null),
                new MissingTaskException(UUID.randomUUID(), null));

        assertThat(refusals).allSatisfy(refusal -> assertThat(refusal.getMessage()).doesNotContain("\n").contains("; "));
    }

    private static void refuse(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(DataAccessException.class);
    }
}
