package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
            "rename|ALTER TABLE findings RENAME TO results"})
    void eachRuleFiresOnItsStatement(String rule, String sql) {
        List<LintFinding> findings = linter.lint(revision(sql));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule().id()).isEqualTo(rule);
            assertThat(finding.table()).isEqualTo("findings");
            assertThat(finding.line()).startsWith("lint[" + rule + "] 0002_change.yaml: ").contains("; ");
        });
    }

    @ParameterizedTest(name = "nothing fires on: {0}")
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX CONCURRENTLY ix_findings_rule_id ON findings(rule_id)",
            "ALTER TABLE findings ADD reviewer VARCHAR(50) DEFAULT 'nobody' NOT NULL",
            "ALTER TABLE findings ADD reviewer VARCHAR(50)",
            "ALTER TABLE findings ADD CONSTRAINT fk_findings_x FOREIGN KEY (x) REFERENCES tasks(id) NOT VALID",
            "ALTER TABLE findings VALIDATE CONSTRAINT fk_findings_x",
            "ALTER TABLE findings ALTER COLUMN rule_id SET NOT NULL",
            "CREATE TABLE results (id UUID)",
            "SELECT 1"})
    void saferFormsDoNotFire(String sql) {
        assertThat(linter.lint(revision(sql))).isEmpty();
    }

    @Test
    void stepsOnATableCreatedInTheSameRevisionAreNotReported() {
        CompiledRevision revision = revision("CREATE TABLE results (id UUID, rule VARCHAR(10))",
                "CREATE INDEX ix_results_rule ON results(rule)",
                "ALTER TABLE results ADD CONSTRAINT fk_results_x FOREIGN KEY (id) REFERENCES tasks(id)");

        assertThat(linter.lint(revision)).isEmpty();
    }

    @Test
    void dropColumnNamesTheColumn() {
        LintFinding finding = linter.lint(revision("ALTER TABLE \"findings\" DROP COLUMN \"evidence\"")).get(0);

        assertThat(finding.target()).isEqualTo("findings.evidence");
        assertThat(finding.isDestructive()).isTrue();
    }

    private static CompiledRevision revision(String... sql) {
        RevisionFile file = new RevisionFile(new RevisionId(2), "0002_change.yaml", "");
        return CompiledRevision.ofSql(file, List.of(sql), List.of(), true);
    }
}
