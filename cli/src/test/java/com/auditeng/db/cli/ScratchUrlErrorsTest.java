package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** A scratch server that cannot be used is reported as the --scratch-url it came from, never as DATABASE_URL. */
class ScratchUrlErrorsTest {

    @Test
    void anUnreachableScratchServerNamesScratchUrlAsTheFix() throws IOException {
        String unreachable = "postgresql://auditeng:s3cret@127.0.0.1:" + freePort() + "/postgres";

        CliResult result = Cli.runRaw("--scratch-url", unreachable, "db", "check");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).startsWith("error: cannot reach PostgreSQL at postgresql://auditeng:***@127.0.0.1")
                .contains("fix the host and port in --scratch-url (AUDITENG_SCRATCH_URL)")
                .doesNotContain("DATABASE_URL", "s3cret");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    @Test
    void aMissingScratchUserNamesScratchUrlAsTheFix() {
        String server = TestDatabase.serverUrl().redacted();
        String wrongUser = server.replaceFirst("://[^@/]*@", "://no_such_role@");

        CliResult result = Cli.runRaw("--scratch-url", wrongUser, "db", "check");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("--scratch-url").doesNotContain("DATABASE_URL");
    }

    @Test
    void aScratchUrlThatCannotBeParsedNamesScratchUrlAsTheFix() {
        CliResult result = Cli.runRaw("--scratch-url", "postgresql://app:p/w?x@y:z%@127.0.0.1:5432/postgres",
                "db", "check");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).startsWith("error: --scratch-url (AUDITENG_SCRATCH_URL) ")
                .doesNotContain("DATABASE_URL", "p/w", "z%");
        assertThat(result.stderr().lines()).hasSize(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
