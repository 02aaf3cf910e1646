package com.auditeng.db.migrate;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Liquibase loaded in the background, as autogenerate does, beside compiles of the command's own. */
class LiquibasePreparationTest {

    @Test
    void thePreparationRevisionCompiles() {
        // a failure here would only cost time in the command, where it is swallowed: this is where it shows
        assertThatCode(LiquibaseCompiler::prepare).doesNotThrowAnyException();
    }

    @Test
    void compilesBesideAPreparationGiveWhatTheyGiveAlone() throws Exception {
        RevisionFile file = new RevisionFile(new RevisionId(2), "0002_meters.yaml", """
                databaseChangeLog:
                  - changeSet:
                      id: 0002-meters
                      author: test
                      changes:
                        - createTable:
                            tableName: meters
                            columns:
                              - column: {name: id, type: INTEGER}
                """);
        CompiledRevision alone = new LiquibaseCompiler().compile(file);

        CompletableFuture<Void> preparations = CompletableFuture.allOf(
                CompletableFuture.runAsync(LiquibaseCompiler::prepare),
                CompletableFuture.runAsync(LiquibaseCompiler::prepare));
        CompiledRevision beside = new LiquibaseCompiler().compile(file);
        preparations.get(60, TimeUnit.SECONDS);

        assertThat(beside).isEqualTo(alone);
    }
}
