package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Type changes judged against the type the earlier revisions gave the column: the conversions PostgreSQL makes
 * without a rewrite pass, rewriting ones are type-rewrite, and those that can lose values are narrowing-type.
 */
class TypeChangeLintTest {
    private final Linter linter = new Linter();

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "VARCHAR(255)|VARCHAR(500)|none",
            "character varying(255)|VARCHAR(255)|none",
            "VARCHAR(255)|VARCHAR|none",
            "VARCHAR(255)|TEXT|none",
            "TEXT|VARCHAR|none",
            "NUMERIC(10,2)|NUMERIC(12,2)|none",
            "DECIMAL(10,2)|NUMERIC|none",
            "BIT VARYING(5)|VARBIT(10)|none",
            "CIDR|INET|none",
            "INTEGER|BIGINT|type-rewrite",
            "INT|INT8|type-rewrite",
            "SMALLINT|INTEGER|type-rewrite",
            "VARCHAR(50)|INTEGER|type-rewrite",
            "TIMESTAMP|TIMESTAMP WITH TIME ZONE|type-rewrite",
            "NUMERIC(10,2)|NUMERIC(12,4)|type-rewrite",
            "INTEGER|NUMERIC(12,0)|type-rewrite",
            "VARCHAR(500)|VARCHAR(255)|narrowing-type",
            "TEXT|VARCHAR(20)|narrowing-type",
            "VARCHAR|CHAR(3)|narrowing-type",
            "BIGINT|INTEGER|narrowing-type",
            "INTEGER|SMALLINT|narrowing-type",
            "NUMERIC(10,2)|NUMERIC(10,1)|narrowing-type",
            "NUMERIC(10,2)|NUMERIC(9,2)|narrowing-type",
            "NUMERIC|INTEGER|narrowing-type",
            "DOUBLE PRECISION|REAL|narrowing-type"})
    void aTypeChangeIsJudgedAgainstTheTypeBefore(String from, String to, String rule) {
        List<LintFinding> findings = lint("ALTER TABLE documents ALTER COLUMN body TYPE " + to, from);

        if (rule.equals("none")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.rule().id()).isEqualTo(rule);
                assertThat(finding.target()).isEqualTo("documents.body");
                assertThat(finding.problem()).contains("ACCESS EXCLUSIVE");
            });
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "VARCHAR(2147483648)|VARCHAR(255)",
            "VARCHAR(255)|VARCHAR(99999999999999999999)",
            "NUMERIC(2147483648,2)|NUMERIC(10,2)"})
    void aTypeLimitBeyondWhatPostgreSqlAcceptsIsLintedWithoutFailingTheLinter(String from, String to) {
        List<LintFinding> findings = lint("ALTER TABLE documents ALTER COLUMN body TYPE " + to, from);

        assertThat(findings).extracting(finding -> finding.rule().id()).containsExactly("type-rewrite");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE documents ALTER COLUMN body TYPE VARCHAR(500) USING (body::VARCHAR(500))|none",
            "ALTER TABLE documents ALTER COLUMN body TYPE TEXT USING body::text|none",
            "ALTER TABLE documents ALTER COLUMN body TYPE TEXT USING upper(body)|type-rewrite"})
    void aUsingClauseRewritesUnlessItOnlyCastsTheColumn(String sql, String rule) {
        List<LintFinding> findings = lint(sql, "VARCHAR(255)");

        assertThat(findings).extracting(finding -> finding.rule().id())
                .containsExactlyElementsOf(rule.equals("none") ? List.of() : List.of(rule));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "VARCHAR(500)|length(body::text) > 255",
            "BIGINT|body NOT BETWEEN -2147483648 AND 2147483647"})
    void aNarrowingFindingCarriesTheConditionOfTheRowsThatWouldNotFit(String from, String condition) {
        String to = from.equals("BIGINT") ? "INTEGER" : "VARCHAR(255)";

        LintFinding finding = lint("ALTER TABLE documents ALTER COLUMN body TYPE " + to, from).get(0);

        assertThat(finding.lossCondition()).contains(condition);
        assertThat(finding.isDestructive()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ALTER TABLE documents RENAME COLUMN body TO text|ALTER TABLE documents ALTER COLUMN text TYPE VARCHAR(500)",
            "ALTER TABLE documents RENAME TO papers|ALTER TABLE papers ALTER COLUMN body TYPE VARCHAR(500)",
            "ALTER TABLE documents ALTER COLUMN body TYPE VARCHAR(300)|ALTER TABLE documents ALTER COLUMN body TYPE VARCHAR(500)"})
    void theTypeBeforeFollowsRenamesAndEarlierChanges(String first, String second) {
        RevisionFile create = new RevisionFile(new RevisionId(1), "0001_create.yaml", "");
        RevisionFile change = new RevisionFile(new RevisionId(2), "0002_first.yaml", "");
        RevisionFile widen = new RevisionFile(new RevisionId(3), "0003_second.yaml", "");

        List<LintFinding> findings = linter.lint(List.of(
                CompiledRevision.ofSql(create, List.of("CREATE TABLE documents (id BIGINT, body VARCHAR(255))"),
                        List.of(), true),
                CompiledRevision.ofSql(change, List.of(first), List.of(), true),
                CompiledRevision.ofSql(widen, List.of(second), List.of(), true)));

        assertThat(findings).noneMatch(finding -> finding.revision().equals(widen));
    }

    private List<LintFinding> lint(String alter, String from) {
        RevisionFile create = new RevisionFile(new RevisionId(1), "0001_create.yaml", "");
        RevisionFile change = new RevisionFile(new RevisionId(2), "0002_change.yaml", "");
        return linter.lint(List.of(
                CompiledRevision.ofSql(create, List.of("CREATE TABLE documents (id BIGINT NOT NULL, body " + from
                        + ", CONSTRAINT pk_documents PRIMARY KEY (id))"), List.of(), true),
                CompiledRevision.ofSql(change, List.of(alter), List.of(), true)));
    }
}
