package com.auditeng.db.safety;

import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules on typed Liquibase changes, compiled from YAML as revisions are, and reviewed exceptions in change sets. */
class LiquibaseChangeLintTest {
    private static final String CREATE = """
            databaseChangeLog:
              - changeSet:
                  id: 0001-gauges
                  author: test
                  changes:
                    - createTable:
                        tableName: gauges
                        columns:
                          - column: {name: id, type: BIGINT, constraints: {primaryKey: true, primaryKeyName: pk_gauges}}
                          - column: {name: label, type: VARCHAR(50)}
                          - column: {name: reading, type: INT}
            """;

    private final RevisionCompiler compiler = new RevisionCompiler();
    private final Linter linter = new Linter();

    @ParameterizedTest(name = "{0} fires on: {1}")
    @CsvSource(delimiter = '|', value = {
            "set-not-null|addNotNullConstraint: {tableName: gauges, columnName: label}",
            "set-not-null|addNotNullConstraint: {tableName: gauges, columnName: label, validate: false}",
            "unique-constraint|addUniqueConstraint: {tableName: gauges, columnNames: label, constraintName: uq_gauges_label}",
            "unique-constraint|addPrimaryKey: {tableName: gauges, columnNames: label, constraintName: pk_gauges_label}",
            "foreign-key-not-valid|addForeignKeyConstraint: {baseTableName: gauges, baseColumnNames: reading, "
                    + "constraintName: fk_gauges_reading, referencedTableName: gauges, referencedColumnNames: id}",
            "index-concurrently|createIndex: {tableName: gauges, indexName: ix_gauges_label, columns: [{column: {name: label}}]}",
            "drop-index-concurrently|dropIndex: {tableName: gauges, indexName: ix_gauges_label}",
            "volatile-default|addColumn: {tableName: gauges, columns: [{column: {name: token, type: UUID, "
                    + "defaultValueComputed: gen_random_uuid()}}]}",
            "volatile-default|addColumn: {tableName: gauges, columns: [{column: {name: number, type: BIGINT, "
                    + "autoIncrement: true}}]}",
            "not-null-without-default|addColumn: {tableName: gauges, columns: [{column: {name: site, type: TEXT, "
                    + "constraints: {nullable: false}}}]}",
            "type-rewrite|modifyDataType: {tableName: gauges, columnName: reading, newDataType: BIGINT}",
            "narrowing-type|modifyDataType: {tableName: gauges, columnName: label, newDataType: VARCHAR(20)}",
            "drop-column|dropColumn: {tableName: gauges, columnName: label}",
            "rename|renameColumn: {tableName: gauges, oldColumnName: label, newColumnName: name}"})
    void eachRuleFiresOnItsTypedChange(String rule, String change) {
        List<LintFinding> findings = lint(change);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule().id()).isEqualTo(rule);
            assertThat(finding.table()).isEqualTo("gauges");
        });
    }

    @ParameterizedTest(name = "nothing fires on: {0}")
    @CsvSource(delimiter = '|', value = {
            "modifyDataType: {tableName: gauges, columnName: label, newDataType: VARCHAR(500)}",
            "modifyDataType: {tableName: gauges, columnName: label, newDataType: TEXT}",
            "addColumn: {tableName: gauges, columns: [{column: {name: seen, type: TIMESTAMP WITH TIME ZONE, "
                    + "defaultValueComputed: now(), constraints: {nullable: false}}}]}",
            "addColumn: {tableName: gauges, columns: [{column: {name: note, type: TEXT, defaultValue: random()}}]}",
            "addForeignKeyConstraint: {baseTableName: gauges, baseColumnNames: reading, constraintName: fk_gauges_reading, "
                    + "referencedTableName: gauges, referencedColumnNames: id, validate: false}"})
    void typedSaferFormsDoNotFire(String change) {
        assertThat(lint(change)).isEmpty();
    }

    @Test
    void aChangeSetAcceptsAFindingWithAReason() {
        CompiledRevision change = compile(2, """
                databaseChangeLog:
                  - changeSet:
                      id: 0002-label-not-null
                      author: test
                      comment: |-
                        Labels are short and the table holds a few hundred rows.
                        lint-accept: set-not-null gauges holds 300 rows; the scan takes milliseconds
                      changes:
                        - addNotNullConstraint: {tableName: gauges, columnName: label}
                  - changeSet:
                      id: 0002-reading-not-null
                      author: test
                      changes:
                        - addNotNullConstraint: {tableName: gauges, columnName: reading}
                """);

        List<LintFinding> findings = linter.lint(List.of(compile(1, CREATE), change));

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).isAccepted()).isTrue();
        assertThat(findings.get(0).line()).startsWith("accepted: lint[set-not-null] 0002_change.yaml: ALTER TABLE gauges")
                .endsWith(": gauges holds 300 rows; the scan takes milliseconds");
        assertThat(findings.get(1).isAccepted()).as("the other change set accepts nothing").isFalse();
    }

    @Test
    void anAcceptanceWithAnUnknownRuleOrNoReasonIsReported() {
        CompiledRevision change = compile(2, """
                databaseChangeLog:
                  - changeSet:
                      id: 0002-label-not-null
                      author: test
                      comment: |-
                        lint-accept: set-not-nul the table is small
                        lint-accept: rename
                      changes:
                        - addNotNullConstraint: {tableName: gauges, columnName: label}
                """);

        List<LintFinding> findings = linter.lint(List.of(compile(1, CREATE), change));

        assertThat(findings).extracting(LintFinding::line).containsExactly(
                "lint[lint-accept] 0002_change.yaml: change set 0002-label-not-null lint-accept line names no lint rule "
                        + "('set-not-nul'); write 'lint-accept: <rule-id> <reason>' in the change set's comment, with a "
                        + "rule id that db lint prints",
                "lint[lint-accept] 0002_change.yaml: change set 0002-label-not-null lint-accept line gives no reason "
                        + "for accepting rename; write 'lint-accept: <rule-id> <reason>' in the change set's comment, "
                        + "with a rule id that db lint prints",
                findings.get(2).line());
        assertThat(findings.get(2).rule().id()).isEqualTo("set-not-null");
        assertThat(findings.get(2).isAccepted()).isFalse();
    }

    private List<LintFinding> lint(String change) {
        CompiledRevision revision = compile(2, """
                databaseChangeLog:
                  - changeSet:
                      id: 0002-change
                      author: test
                      changes:
                        - %s
                """.formatted(change));
        return linter.lint(List.of(compile(1, CREATE), revision)).stream()
                .filter(finding -> finding.revision().id().equals(new RevisionId(2)))
                .toList();
    }

    private CompiledRevision compile(int id, String yaml) {
        String name = id == 1 ? "0001_create.yaml" : "0002_change.yaml";
        return compiler.compile(new RevisionFile(new RevisionId(id), name, yaml));
    }
}
