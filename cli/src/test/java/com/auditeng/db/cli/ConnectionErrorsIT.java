package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.PasswordServer;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad DATABASE_URL, as an operator meets it: exit 3, a short message naming the fix, no password. */
class ConnectionErrorsIT {
    private static final String SECRET = PasswordServer.PASSWORD;

    @TempDir
    Path home;

    @Test
    void badUrlsFailWithExitThreeInAtMostThreeLinesWithoutThePassword() throws Exception {
        DatabaseUrl good = PasswordServer.app();
        int closedPort = closedPort();
        String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("unsupported scheme", "mysql://app:" + encoded + "@localhost/app");
        cases.put("malformed", "postgresql://app:" + encoded + "@localhost:notaport/app");
        cases.put("unknown host", "postgresql://app:" + encoded + "@no-such-host.invalid/app");
        cases.put("closed port", "postgresql://app:" + encoded + "@127.0.0.1:" + closedPort + "/app");
        cases.put("wrong password", "postgresql://app:" + encoded + "x@localhost:" + good.port() + "/app");
        cases.put("missing database", "postgresql://app:" + encoded + "@localhost:" + good.port() + "/nosuchdb");

        for (Map.Entry<String, String> entry : cases.entrySet()) {
            for (boolean verbose : new boolean[] {false, true}) {
                CliResult result = verbose
                        ? Process.startJarOn(entry.getValue(), home, "--verbose", "db", "current").await()
                        : Process.startJarOn(entry.getValue(), home, "db", "current").await();
                String what = entry.getKey() + (verbose ? " (verbose)" : "");

                assertThat(result.exitCode()).as(what + ": " + result.stderr()).isEqualTo(3);
                assertThat(result.stdout() + result.stderr()).as(what).doesNotContain(SECRET).doesNotContain(encoded);
                if (!verbose) {
                    assertThat(result.stderr().lines()).as(what).hasSizeBetween(1, 3)
                            .first().asString().startsWith("error: ");
                    assertThat(result.stderr()).as(what).doesNotContain("\tat ");
                }
            }
        }
    }

    @Test
    void theRightPasswordConnects() throws Exception {
        CliResult result = Process.startJarOn(PasswordServer.app().redacted().replace("***", SECRET), home,
                "db", "upgrade").await();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("0001  initial schema\n");
        assertThat(result.stderr()).doesNotContain(SECRET);
    }

    @Test
    void pgpasswordSuppliesThePasswordTheUrlLeavesOut() throws Exception {
        DatabaseUrl good = PasswordServer.app();

        CliResult result = Process.startJarOn("postgresql://app@localhost:" + good.port() + "/app",
                Map.of("PGPASSWORD", SECRET), home, "db", "current").await();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).doesNotContain(SECRET);
    }

    @Test
    void theMessagesNameTheProblem() throws Exception {
        DatabaseUrl good = PasswordServer.app();

        assertRefused(run("postgresql://app@127.0.0.1:" + closedPort() + "/app"), "connection refused",
                "start the server");
        assertRefused(run("postgresql://app:bad@localhost:" + good.port() + "/app"), "refused the credentials",
                "'app'");
        assertRefused(run("postgresql://app:" + SECRET + "@localhost:" + good.port() + "/nosuchdb"), "does not exist",
                "createdb nosuchdb");
        assertRefused(run("postgresql://app@no-such-host.invalid/app"), "unknown host 'no-such-host.invalid'");
    }

    private CliResult run(String url) throws Exception {
        return Process.startJarOn(url, home, "db", "current").await();
    }

    /** Exit 3 and one error line naming the problem, without the password or a stack trace. */
    private static void assertRefused(CliResult result, String... words) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr().lines().filter(line -> line.startsWith("error: ")).toList()).singleElement()
                .asString().contains(words);
        assertThat(result.stderr()).doesNotContain(SECRET, "\tat ");
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
