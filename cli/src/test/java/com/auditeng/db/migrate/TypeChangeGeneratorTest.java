package com.auditeng.db.migrate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** modifyDataType compiles without a truncating cast to a length-limited type, and with Liquibase's cast otherwise. */
class TypeChangeGeneratorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "VARCHAR(255)|ALTER TABLE tasks ALTER COLUMN original_filename TYPE VARCHAR(255)",
            "CHAR(3)|ALTER TABLE tasks ALTER COLUMN original_filename TYPE CHAR(3)",
            "TEXT|ALTER TABLE tasks ALTER COLUMN original_filename TYPE TEXT USING (original_filename::TEXT)",
            "BIGINT|ALTER TABLE tasks ALTER COLUMN original_filename TYPE BIGINT USING (original_filename::BIGINT)"})
    void aLengthLimitedTargetGetsNoCast(String type, String sql) {
        RevisionFile file = new RevisionFile(new RevisionId(2), "0002_type.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 0002-type
                      author: test
                      changes:
                        - modifyDataType: {tableName: tasks, columnName: original_filename, newDataType: %s}
                """.formatted(type));

        CompiledRevision revision = new RevisionCompiler().compile(file);

        assertThat(revision.upgrade()).containsExactly(sql);
    }
}
