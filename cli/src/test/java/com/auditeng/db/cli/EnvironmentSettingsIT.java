package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.PasswordServer;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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

    @Test
    void aPasswordWithDollarSignsReachesTheServerAsItWasSet() throws Exception {
        String password = "pa$$w0rd${x}";
        DatabaseUrl server = PasswordServer.app();
        DatabaseUrl admin = new DatabaseUrl("localhost", server.port(), "postgres", "postgres", null, Map.of());
        try (Connection connection = DriverManager.getConnection(admin.jdbcUrl(), admin.jdbcProperties());
             Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("DROP DATABASE IF EXISTS dollars");
            statement.execute("DROP ROLE IF EXISTS dollars");
            statement.execute("CREATE ROLE dollars LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE dollars OWNER dollars");
        }

        CliResult result = Process.startJar(home,
                Map.of("DATABASE_URL", "postgresql://dollars:" + password + "@localhost:" + server.port() + "/dollars"),
                "db", "upgrade").await();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("0001  initial schema\n");
        assertThat(result.stderr()).doesNotContain(password);
    }
}
