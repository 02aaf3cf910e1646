package com.auditeng.db.model;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Migrations;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Hibernate's own schema validation of the entities against the database that the revisions build. */
class EntitySchemaValidationTest {

    @Test
    void hibernateValidatesTheEntitiesAgainstTheDatabaseAtHead() {
        DatabaseUrl url = TestDatabase.fresh();
        Migrations.upgradeToHead(url);

        assertThatCode(() -> sessionFactory(url).close()).doesNotThrowAnyException();
    }

    @Test
    void theEntitiesStoreAndReadBackAWholeAnalysis() {
        DatabaseUrl url = TestDatabase.fresh();
        Migrations.upgradeToHead(url);
        UUID taskId;
        try (SessionFactory factory = sessionFactory(url)) {
            taskId = factory.fromTransaction(session -> {
                User user = new User("eng@example.com", "hash");
                Task task = user.addTask(new Task("ups-7.pdf", 2048));
                Analysis analysis = task.attachAnalysis(new Analysis("UPS", "MEGGER"));
                analysis.setVerdict(Verdict.REVIEW);
                analysis.setExtractionResult(Map.of("readings", List.of(1.5, 2.5)));
                Finding finding = analysis.addFinding(new Finding(Severity.MAJOR, "GND-01", "resistance 6 ohm"));
                finding.setEvidence(Map.of("page", 3));
                session.persist(user);
                session.persist(analysis);
                return task.getId();
            });

            Task read = factory.fromTransaction(session -> {
                Task task = session.find(Task.class, taskId);
                task.getAnalysis().getFindings().size();
                return task;
            });

            assertThat(read.getStatus()).isEqualTo(TaskStatus.QUEUED);
            assertThat(read.getAnalysis().getVerdict()).isEqualTo(Verdict.REVIEW);
            assertThat(read.getAnalysis().getExtractionResult()).containsEntry("readings", List.of(1.5, 2.5));
            assertThat(read.getAnalysis().getFindings()).singleElement()
                    .satisfies(finding -> assertThat(finding.getEvidence()).containsEntry("page", 3));
            assertThat(taskId.version()).isEqualTo(7);
        }
    }

    private static SessionFactory sessionFactory(DatabaseUrl url) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url.jdbcUrl())
                .applySetting(AvailableSettings.JAKARTA_JDBC_USER, url.user())
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .build();
        return new MetadataSources(registry)
                .addAnnotatedClasses(User.class, Task.class, Analysis.class, Finding.class)
                .buildMetadata().buildSessionFactory();
    }
}
