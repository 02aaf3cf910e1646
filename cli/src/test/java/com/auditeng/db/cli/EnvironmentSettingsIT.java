package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.PasswordServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings from the environment, as the jar reads them: a variable fills a flag left off, a flag always wins. */
class EnvironmentSettingsIT {
    @TempDir
    Path home;

    @Test
    void aVariableFillsItsFlagAndIsCheckedAsTheFlagWouldBe() throws Exception {
        CliResult result = Process.startJar(home, Map.of("AUDITENG_DDL_LOCK_TIMEOUT", "soon"), "db", "heads").await();

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: ").contains("--ddl-lock-timeout", "soon");
    }

    @Test
    void theFlagWinsOverItsVariable() throws Exception {
        CliResult result = Process.startJar(home, Map.of("AUDITENG_DDL_LOCK_TIMEOUT", "soon"),
                "--ddl-lock-timeout", "2s", "db", "heads").await();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("0001 (head)\n");
    }

    @Test
    void theDatabaseUrlFlagWinsOverTheVariable() throws Exception {
        String secret = PasswordServer.PASSWORD;
        String good = PasswordServer.app().redacted().replace("***", secret);

        CliResult result = Process.startJar(home, Map.of("DATABASE_URL", "mysql://app:" + secret + "@localhost/app"),
                "--database-url", good, "db", "current").await();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).doesNotContain("mysql", secret);
    }

    @Test
    void aBlankVariableIsUnsetWhileAnEmptyFlagIsRefused() throws Exception {
        CliResult blank = Process.startJar(home, Map.of("DATABASE_URL", " ", "AUDITENG_MIGRATIONS", ""),
                "db", "heads").await();
        CliResult empty = Process.startJar(home, "--database-url", "", "db", "heads").await();

        assertThat(blank.exitCode()).as(blank.stderr()).isZero();
        assertThat(blank.stdout()).isEqualTo("0001 (head)\n");
        assertThat(empty.exitCode()).as(empty.stderr()).isEqualTo(3);
        assertThat(empty.stderr()).startsWith("error: DATABASE_URL is empty");
    }

    @Test
    void helpNeverShowsAVariablesValue() throws Exception {
        String secret = PasswordServer.PASSWORD;
        Map<String, String> variables = Map.of("DATABASE_URL", "postgresql://app:" + secret + "@db.internal/app",
                "AUDITENG_SCRATCH_URL", "postgresql://ci:" + secret + "@ci.internal/postgres");

        for (String[] args : new String[][] {{"--help"}, {"db", "current", "--help"}, {"db", "check", "--help"}}) {
            CliResult result = Process.startJar(home, variables, args).await();

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).contains("--database-url").doesNotContain(secret, "db.internal");
        }
    }
}
