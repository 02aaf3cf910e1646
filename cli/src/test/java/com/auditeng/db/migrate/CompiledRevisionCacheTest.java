package com.auditeng.db.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A compiled revision read back from the cache equals the one written, steps and operations included. */
class CompiledRevisionCacheTest {

    @Test
    void aRevisionReadBackFromTheCacheKeepsItsSteps(@TempDir Path folder) {
        RevisionFile file = new RevisionFile(new RevisionId(2), "0002_checks.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 0002-checks
                      author: test
                      comment: "lint-accept: set-not-null small table"
                      changes:
                        - addColumn: {tableName: gauges, columns: [{column: {name: site, type: TEXT, defaultValue: x}}]}
                        - addNotNullConstraint: {tableName: gauges, columnName: site}
                        - sql:
                            sql: ALTER TABLE gauges ADD CONSTRAINT ck_site CHECK (site <> '') NOT VALID
                """);
        CompiledRevision compiled = new RevisionCompiler().compile(file);
        CompiledRevisionCache cache = CompiledRevisionCache.in(folder.resolve("jar-stamp"));

        cache.write(compiled);

        assertThat(cache.read(file)).contains(compiled);
        assertThat(compiled.upgradeSteps()).hasSize(3)
                .allSatisfy(step -> assertThat(step.comment()).isEqualTo("lint-accept: set-not-null small table"));
    }
}
