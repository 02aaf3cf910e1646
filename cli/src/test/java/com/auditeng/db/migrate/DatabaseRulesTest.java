package com.auditeng.db.migrate;

import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database itself, not the application, refuses rows that break SCHEMA.md. */
class DatabaseRulesTest {
    private static final String USER = "00000000-0000-7000-8000-000000000001";
    private static final String TASK = "00000000-0000-7000-8000-000000000002";
    private static final String ANALYSIS = "00000000-0000-7000-8000-000000000003";

    private Catalog db;

    @BeforeEach
    void databaseWithOneUserTaskAndAnalysis() throws SQLException {
        var url = TestDatabase.fresh();
        Migrations.upgradeToHead(url);
        db = new Catalog(url);
        db.execute("INSERT INTO users (id, email, hashed_password) VALUES ('" + USER + "', 'a@example.com', 'x')");
        db.execute("INSERT INTO tasks (id, user_id, original_filename, file_size) VALUES ('" + TASK + "', '" + USER
                + "', 'report.pdf', 10)");
        db.execute("INSERT INTO analyses (id, task_id, equipment_type, test_type) VALUES ('" + ANALYSIS + "', '"
                + TASK + "', 'UPS', 'MEGGER')");
    }

    @Test
    void aLowerCaseStatusIsRefused() {
        assertThatThrownBy(() -> db.execute("UPDATE tasks SET status = 'queued'"))
                .hasMessageContaining("ck_tasks_status");
    }

    @Test
    void aLowerCaseSeverityIsRefusedAndAnUpperCaseOneAccepted() {
        assertThatThrownBy(() -> db.execute(finding("critical"))).hasMessageContaining("ck_findings_severity");
        assertThatCode(() -> db.execute(finding("CRITICAL"))).doesNotThrowAnyException();
    }

    @Test
    void aComplianceScoreAbove100IsRefused() {
        assertThatThrownBy(() -> db.execute("UPDATE analyses SET compliance_score = 101"))
                .hasMessageContaining("ck_analyses_compliance_score");
        assertThatCode(() -> db.execute("UPDATE analyses SET compliance_score = 100")).doesNotThrowAnyException();
    }

    @Test
    void aSecondAnalysisForOneTaskIsRefused() {
        assertThatThrownBy(() -> db.execute("INSERT INTO analyses (id, task_id, equipment_type, test_type) VALUES "
                + "('00000000-0000-7000-8000-000000000009', '" + TASK + "', 'UPS', 'FAT')"))
                .hasMessageContaining("ix_analyses_task_id");
    }

    @Test
    void aDuplicateEmailIsRefused() {
        assertThatThrownBy(() -> db.execute("INSERT INTO users (id, email, hashed_password) VALUES "
                + "('00000000-0000-7000-8000-000000000008', 'a@example.com', 'y')"))
                .hasMessageContaining("ix_users_email");
    }

    @Test
    void deletingAUserCascadesDownToItsAnalyses() throws SQLException {
        db.execute("DELETE FROM users");

        assertThatCode(() -> db.execute("INSERT INTO analyses (id, task_id, equipment_type, test_type) VALUES "
                + "('00000000-0000-7000-8000-000000000007', '" + TASK + "', 'UPS', 'FAT')"))
                .hasMessageContaining("fk_analyses_task_id_tasks");
        org.assertj.core.api.Assertions.assertThat(db.rows("SELECT count(*) FROM analyses")).containsExactly("0");
    }

    private static String finding(String severity) {
        return "INSERT INTO findings (id, analysis_id, severity, rule_id, message) VALUES (gen_random_uuid(), '"
                + ANALYSIS + "', '" + severity + "', 'GND-01', 'ground resistance above 5 ohm')";
    }
}
