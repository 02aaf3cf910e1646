package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentCommandTest {
    private Cli cli;

    @BeforeEach
    void freshDatabase() {
        cli = Cli.on(TestDatabase.fresh().jdbcUrl() + "?user=postgres");
    }

    @Test
    void currentPrintsNothingOnAnEmptyDatabase() {
        CliResult result = cli.run("db", "current");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).doesNotContain("error");
    }

    @Test
    void currentPrintsTheHeadMarkAfterUpgrade() {
        cli.run("db", "upgrade");

        CliResult result = cli.run("db", "current");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("0001 (head)\n");
    }
}
