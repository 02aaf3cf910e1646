package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --sql}: the script is made without a database and, replayed through psql, builds what upgrade builds. */
class OfflineSqlTest {
    private static final String NO_SERVER = "postgresql://nobody:pw@127.0.0.1:1/none";

    @TempDir
    Path folder;

    @Test
    void upgradeSqlReplayedThroughPsqlBuildsTheSameSchemaAsUpgrade() throws Exception {
        CliResult script = Cli.runRaw("--database-url", NO_SERVER, "db", "upgrade", "head", "--sql");
        DatabaseUrl online = TestDatabase.fresh();
        DatabaseUrl offline = TestDatabase.fresh();
        Cli.on(online.redacted()).run("db", "upgrade");

        psql(offline, script.stdout());

        assertThat(script.exitCode()).as(script.stderr()).isZero();
        assertThat(snapshot(offline)).isEqualTo(snapshot(online));
        assertThat(Cli.on(offline.redacted()).run("db", "current").stdout()).isEqualTo("0001 (head)\n");
    }

    @Test
    void downgradeSqlReplayedThroughPsqlEmptiesTheSchema() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Cli.on(url.redacted()).run("db", "upgrade");
        CliResult script = Cli.runRaw("--database-url", NO_SERVER, "db", "downgrade", "head:base", "--sql");

        psql(url, script.stdout());

        assertThat(script.exitCode()).as(script.stderr()).isZero();
        assertThat(script.stdout()).contains("DROP TABLE findings;", "DELETE FROM auditeng_revision WHERE revision = '0001'");
        assertThat(new Catalog(url).tables()).containsExactly("auditeng_revision");
    }

    @Test
    void aRangeSelectsTheRevisionsAndAWrongDirectionIsAUsageError() {
        CliResult range = Cli.runRaw("--migrations", "src/test/resources/fixtures/three", "db", "upgrade", "0001:0002", "--sql");
        CliResult backwards = Cli.runRaw("--migrations", "src/test/resources/fixtures/three", "db", "upgrade", "0003:0001", "--sql");

        assertThat(range.stdout()).contains("-- 0002 add gauge reading").doesNotContain("-- 0001", "-- 0003");
        assertThat(backwards.exitCode()).isEqualTo(2);
    }

    private void psql(DatabaseUrl url, String script) throws Exception {
        Path file = folder.resolve("script.sql");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", url.host(),
                "-p", Integer.toString(url.port()), "-U", url.user(), "-d", url.database(), "-f", file.toString()));
        java.lang.Process psql = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(psql.exitValue()).as(output).isZero();
    }

    private static List<String> snapshot(DatabaseUrl url) {
        Catalog catalog = new Catalog(url);
        List<String> all = new ArrayList<>(catalog.columns());
        all.addAll(catalog.indexes());
        all.addAll(catalog.constraints());
        return all;
    }
}
