package com.auditeng.db.migrate;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Revision 0001 against SCHEMA.md, item by item, read back from the catalog of a real PostgreSQL. */
class InitialSchemaTest {
    private DatabaseUrl url;
    private Catalog catalog;

    @BeforeEach
    void upgradeAFreshDatabase() {
        url = TestDatabase.fresh();
        catalog = new Catalog(url);
        Migrations.upgradeToHead(url);
    }

    @Test
    void everyColumnHasTheContractedTypeNullabilityAndDefault() {
        assertThat(catalog.columns()).filteredOn(column -> !column.startsWith("auditeng_revision.")).containsExactly(
                "analyses.compliance_score double precision null",
                "analyses.confidence_score double precision null",
                "analyses.created_at timestamp with time zone not null default now()",
                "analyses.equipment_tag varchar(100) null",
                "analyses.equipment_type varchar(50) not null",
                "analyses.extraction_result jsonb null",
                "analyses.id uuid not null",
                "analyses.task_id uuid not null",
                "analyses.test_type varchar(50) not null",
                "analyses.updated_at timestamp with time zone null",
                "analyses.validation_result jsonb null",
                "analyses.verdict varchar(50) null",
                "findings.analysis_id uuid not null",
                "findings.created_at timestamp with time zone not null default now()",
                "findings.evidence jsonb null",
                "findings.id uuid not null",
                "findings.message text not null",
                "findings.remediation text null",
                "findings.rule_id varchar(100) not null",
                "findings.severity varchar(50) not null",
                "findings.updated_at timestamp with time zone null",
                "tasks.created_at timestamp with time zone not null default now()",
                "tasks.error_message text null",
                "tasks.file_path varchar(500) null",
                "tasks.file_size bigint not null",
                "tasks.id uuid not null",
                "tasks.original_filename varchar(255) not null",
                "tasks.status varchar(50) not null default 'QUEUED'::character varying",
                "tasks.updated_at timestamp with time zone null",
                "tasks.user_id uuid not null",
                "users.created_at timestamp with time zone not null default now()",
                "users.email varchar(255) not null",
                "users.hashed_password varchar(255) not null",
                "users.id uuid not null",
                "users.is_active boolean not null default true",
                "users.updated_at timestamp with time zone null");
    }

    @Test
    void indexesAreNamedWithOneUniqueIndexPerUniqueColumn() {
        assertThat(catalog.indexes()).filteredOn(index -> !index.contains("auditeng_revision")).containsExactly(
                "ix_analyses_task_id on analyses unique (task_id)",
                "ix_findings_analysis_id on findings nonunique (analysis_id)",
                "ix_findings_severity on findings nonunique (severity)",
                "ix_tasks_status on tasks nonunique (status)",
                "ix_tasks_user_id on tasks nonunique (user_id)",
                "ix_users_email on users unique (email)",
                "pk_analyses on analyses unique (id)",
                "pk_findings on findings unique (id)",
                "pk_tasks on tasks unique (id)",
                "pk_users on users unique (id)");
        assertThat(catalog.indexes()).filteredOn(index -> index.endsWith("unique (email)")).hasSize(1);
        assertThat(catalog.indexes()).filteredOn(index -> index.endsWith("unique (task_id)")).hasSize(1);
    }

    @Test
    void keysAndForeignKeysAreNamedAndCascade() {
        assertThat(catalog.constraints()).filteredOn(constraint -> !constraint.contains(" c on "))
                .filteredOn(constraint -> !constraint.contains("auditeng_revision"))
                .containsExactly(
                        "fk_analyses_task_id_tasks f on analyses: FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE",
                        "fk_findings_analysis_id_analyses f on findings: FOREIGN KEY (analysis_id) REFERENCES analyses(id) ON DELETE CASCADE",
                        "fk_tasks_user_id_users f on tasks: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE",
                        "pk_analyses p on analyses: PRIMARY KEY (id)",
                        "pk_findings p on findings: PRIMARY KEY (id)",
                        "pk_tasks p on tasks: PRIMARY KEY (id)",
                        "pk_users p on users: PRIMARY KEY (id)");
    }

    @Test
    void checkConstraintsAreNamedAsContracted() {
        List<String> checks = catalog.rows("SELECT conname FROM pg_constraint WHERE contype = 'c' "
                + "AND connamespace = 'public'::regnamespace ORDER BY 1");

        assertThat(checks).containsExactly("ck_analyses_compliance_score", "ck_analyses_confidence_score",
                "ck_analyses_verdict", "ck_findings_severity", "ck_tasks_file_size", "ck_tasks_status");
    }

    @Test
    void onlyTheFourTablesAndTheTrackingTableExist() {
        assertThat(catalog.tables()).containsExactly("analyses", "auditeng_revision", "findings", "tasks", "users");
    }
}
