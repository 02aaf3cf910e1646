package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule on hand-written SQL, read from its tokens: where it fires, and the safer forms where it does not. */
class LinterTest {
    private final Linter linter = new Linter();

    @ParameterizedTest(name = "{0} fires on: {1}")
    @CsvSource(delimiter = '|', value = {
            "drop-table|DROP TABLE findings",
            "drop-table|DROP TABLE IF EXISTS public.findings CASCADE",
            "drop-column|ALTER TABLE findings DROP COLUMN evidence",
            "narrowing-type|ALTER TABLE findings ALTER COLUMN rule_id TYPE VARCHAR(10)",
            "narrowing-type|ALTER TABLE findings ALTER COLUMN rule_id SET DATA TYPE VARCHAR(10)",
            "not-null-without-default|ALTER TABLE findings ADD reviewer VARCHAR(50) NOT NULL",
            "index-concurrently|CREATE INDEX ix_findings_rule_id ON findings(rule_id)",
            "index-concurrently|CREATE UNIQUE INDEX ix_findings_rule_id ON findings(rule_id)",
            "foreign-key-not-valid|ALTER TABLE findings ADD CONSTRAINT fk_findings_x FOREIGN KEY (x) REFERENCES tasks(id)",
            "rename|ALTER TABLE findings RENAME COLUMN message TO text",
            "rename|ALTER TABLE findings RENAME TO results",
            "check-not-valid|ALTER TABLE findings ADD CONSTRAINT ck_findings_score CHECK (score >= 0)",
            "check-not-valid|ALTER TABLE ONLY findings ADD CHECK (score >= 0)",
            "set-not-null|ALTER TABLE findings ALTER COLUMN rule_id SET NOT NULL",
            "volatile-default|ALTER TABLE findings ADD COLUMN token UUID DEFAULT gen_random_uuid()",
            "volatile-default|ALTER TABLE findings ADD seen TIMESTAMPTZ DEFAULT clock_timestamp()",
            "volatile-default|ALTER TABLE findings ADD draw DOUBLE PRECISION DEFAULT random() NOT NULL",
            "volatile-default|ALTER TABLE findings ADD number INTEGER DEFAULT nextval('findings_seq'::regclass)",
            "volatile-default|ALTER TABLE findings ADD number BIGSERIAL",
            "volatile-default|ALTER TABLE findings ADD number BIGINT GENERATED ALWAYS AS IDENTITY",
            "unique-constraint|ALTER TABLE findings ADD CONSTRAINT uq_findings_rule_id UNIQUE (rule_id)",
            "unique-constraint|ALTER TABLE findings ADD CONSTRAINT pk_findings PRIMARY KEY (id)",
            "drop-index-concurrently|DROP INDEX ix_findings_rule_id",
            "reindex-concurrently|REINDEX TABLE findings",
            "concurrently-in-transaction|CREATE INDEX CONCURRENTLY ix_findings_rule_id ON findings(rule_id)",
            "concurrently-in-transaction|REINDEX TABLE CONCURRENTLY findings"})
    void eachRuleFiresOnItsStatement(String rule, String sql) {
        List<LintFinding> findings = linter.lint(revision(sql));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule().id()).isEqualTo(rule);
            assertThat(finding.line()).startsWith("lint[" + rule + "] 0002_change.yaml: ").contains("; ");
        });
        assertThat(findings.get(0).table()).isIn("findings", "");
    }

    @ParameterizedTest(name = "nothing fires on: {0}")
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE findings ADD reviewer VARCHAR(50) DEFAULT 'nobody' NOT NULL",
            "ALTER TABLE findings ADD reviewer VARCHAR(50)",
            "ALTER TABLE findings ADD CONSTRAINT fk_findings_x FOREIGN KEY (x) REFERENCES tasks(id) NOT VALID",
            "ALTER TABLE findings VALIDATE CONSTRAINT fk_findings_x",
            "ALTER TABLE findings ADD CONSTRAINT ck_findings_score CHECK (score >= 0) NOT VALID",
            "ALTER TABLE findings ADD seen TIMESTAMPTZ DEFAULT now() NOT NULL",
            "ALTER TABLE findings ADD seen TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP",
            "ALTER TABLE findings ADD note TEXT DEFAULT 'random()'",
            "ALTER TABLE findings ADD CONSTRAINT uq_findings_rule_id UNIQUE USING INDEX uq_findings_rule_id",
            "ALTER TABLE findings ADD CONSTRAINT pk_findings PRIMARY KEY USING INDEX pk_findings",
            "ALTER TABLE findings ALTER COLUMN rule_id DROP NOT NULL",
            "ALTER TABLE findings RENAME CONSTRAINT ck_a TO ck_b",
            "CREATE TABLE results (id UUID)",
            "UPDATE findings SET note = 'DROP TABLE findings; ALTER TABLE findings DROP COLUMN x'",
            "-- DROP TABLE findings\nSELECT 1",
            "SELECT 1"})
    void saferFormsDoNotFire(String sql) {
        assertThat(linter.lint(revision(sql))).isEmpty();
    }

    @ParameterizedTest(name = "nothing fires outside a transaction on: {0}")
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX CONCURRENTLY ix_findings_rule_id ON findings(rule_id)",
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_findings_rule_id ON findings (rule_id)",
            "DROP INDEX CONCURRENTLY IF EXISTS ix_findings_rule_id",
            "REINDEX INDEX CONCURRENTLY ix_findings_rule_id",
            "REINDEX (CONCURRENTLY, VERBOSE) TABLE findings"})
    void concurrentFormsDoNotFireInARevisionOutsideATransaction(String sql) {
        RevisionFile file = new RevisionFile(new RevisionId(2), "0002_change.yaml", "");

        assertThat(linter.lint(CompiledRevision.ofSql(file, List.of(sql), List.of(), false))).isEmpty();
    }

    @Test
    void eachActionOfAMultiActionAlterTableIsJudged() {
        List<LintFinding> findings = linter.lint(revision("ALTER TABLE tasks ADD CONSTRAINT ck_a CHECK (size >= 0) "
                + "NOT VALID, ADD CONSTRAINT ck_b CHECK (size < 10), ALTER COLUMN name SET NOT NULL"));

        assertThat(findings).extracting(finding -> finding.rule().id()).containsExactly("check-not-valid", "set-not-null");
        assertThat(findings.get(0).problem()).contains("ck_b", "ACCESS EXCLUSIVE");
    }

    @Test
    void validateInTheTransactionOfItsNotValidAddFires() {
        List<LintFinding> findings = linter.lint(revision(
                "ALTER TABLE findings ADD CONSTRAINT ck_findings_score CHECK (score >= 0) NOT VALID",
                "ALTER TABLE findings VALIDATE CONSTRAINT ck_findings_score"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule().id()).isEqualTo("validate-same-transaction");
            assertThat(finding.saferForm()).contains("next revision", "SHARE UPDATE EXCLUSIVE");
        });
    }

    @Test
    void validateInTheRevisionAfterItsNotValidAddDoesNotFire() {
        RevisionFile second = new RevisionFile(new RevisionId(3), "0003_validate.yaml", "");

        List<LintFinding> findings = linter.lint(List.of(
                revision("ALTER TABLE findings ADD CONSTRAINT ck_findings_score CHECK (score >= 0) NOT VALID"),
                CompiledRevision.ofSql(second, List.of("ALTER TABLE findings VALIDATE CONSTRAINT ck_findings_score"),
                        List.of(), true)));

        assertThat(findings).isEmpty();
    }

    @Test
    void setNotNullAfterAValidatedNotNullCheckDoesNotFire() {
        RevisionFile validate = new RevisionFile(new RevisionId(3), "0003_validate.yaml", "");
        RevisionFile set = new RevisionFile(new RevisionId(4), "0004_set_not_null.yaml", "");

        List<LintFinding> findings = linter.lint(List.of(
                revision("ALTER TABLE findings ADD CONSTRAINT ck_rule_id_not_null CHECK (rule_id IS NOT NULL) NOT VALID"),
                CompiledRevision.ofSql(validate, List.of("ALTER TABLE findings VALIDATE CONSTRAINT ck_rule_id_not_null"),
                        List.of(), true),
                CompiledRevision.ofSql(set, List.of("ALTER TABLE findings ALTER COLUMN rule_id SET NOT NULL",
                        "ALTER TABLE findings DROP CONSTRAINT ck_rule_id_not_null"), List.of(), true)));

        assertThat(findings).isEmpty();
    }

    @Test
    void setNotNullAfterACheckStillNotValidFires() {
        List<LintFinding> findings = linter.lint(revision(
                "ALTER TABLE findings ADD CONSTRAINT ck_rule_id_not_null CHECK (rule_id IS NOT NULL) NOT VALID",
                "ALTER TABLE findings ALTER COLUMN rule_id SET NOT NULL"));

        assertThat(findings).extracting(finding -> finding.rule().id()).containsExactly("set-not-null");
    }

    @Test
    void everyFindingNamesItsLockLevel() {
        List<LintFinding> findings = linter.lint(revision("DROP TABLE a", "ALTER TABLE b DROP COLUMN c",
                "ALTER TABLE d ADD CONSTRAINT e CHECK (f > 0)", "ALTER TABLE g ALTER COLUMN h SET NOT NULL",
                "ALTER TABLE i ADD j UUID DEFAULT gen_random_uuid()", "ALTER TABLE k ADD UNIQUE (l)",
                "DROP INDEX m", "REINDEX INDEX n", "CREATE INDEX o ON p (q)", "ALTER TABLE r RENAME TO s",
                "ALTER TABLE t ADD FOREIGN KEY (u) REFERENCES v (w)"));

        assertThat(findings).hasSize(11)
                .allSatisfy(finding -> assertThat(finding.problem()).containsPattern("ACCESS EXCLUSIVE|SHARE"));
    }

    @Test
    void stepsOnATableCreatedInTheSameRevisionAreNotReported() {
        CompiledRevision revision = revision("CREATE TABLE results (id UUID, rule VARCHAR(10))",
                "CREATE INDEX ix_results_rule ON results(rule)",
                "ALTER TABLE results ADD CONSTRAINT fk_results_x FOREIGN KEY (id) REFERENCES tasks(id)",
                "ALTER TABLE results ADD CONSTRAINT ck_results_rule CHECK (rule <> '')",
                "ALTER TABLE results ALTER COLUMN rule SET NOT NULL",
                "ALTER TABLE results ADD token UUID DEFAULT gen_random_uuid()");

        assertThat(linter.lint(revision)).isEmpty();
    }

    @Test
    void concurrentlyInATransactionIsReportedEvenOnANewTable() {
        CompiledRevision revision = revision("CREATE TABLE results (id UUID)",
                "CREATE INDEX CONCURRENTLY ix_results_id ON results (id)");

        assertThat(linter.lint(revision)).extracting(finding -> finding.rule().id())
                .containsExactly("concurrently-in-transaction");
    }

    @Test
    void dropColumnNamesTheColumn() {
        LintFinding finding = linter.lint(revision("ALTER TABLE \"findings\" DROP COLUMN \"evidence\"")).get(0);

        assertThat(finding.target()).isEqualTo("findings.evidence");
        assertThat(finding.isDestructive()).isTrue();
    }

    static CompiledRevision revision(String... sql) {
        RevisionFile file = new RevisionFile(new RevisionId(2), "0002_change.yaml", "");
        return CompiledRevision.ofSql(file, List.of(sql), List.of(), true);
    }
}
