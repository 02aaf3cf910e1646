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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of bad DATABASE_URL, as an operator meets it: exit 3, a short message naming the fix, no password. */
class ConnectionErrorsIT {
    private static final String SECRET = PasswordServer.PASSWORD;

    @TempDir
    Path home;

    @Test
    void badUrlsFailWithExitThreeInOneLineNamingTheProblemWithoutThePassword() throws Exception {
        DatabaseUrl good = PasswordServer.app();
        int closedPort = closedPort();
        String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        // each kind of URL, and what its error line must name
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("mysql://app:" + encoded + "@localhost/app", List.of("scheme 'mysql' is not supported",
                "use postgresql://"));
        cases.put("postgresql://app:" + encoded + "@localhost:notaport/app", List.of("port is not a number",
                "write HOST:5432"));
        cases.put("postgresql://app:" + encoded + "@no-such-host.invalid/app",
                List.of("unknown host 'no-such-host.invalid'"));
        cases.put("postgresql://app:" + encoded + "@127.0.0.1:" + closedPort + "/app",
                List.of("connection refused", "start the server"));
        cases.put("postgresql://app:" + encoded + "x@localhost:" + good.port() + "/app",
                List.of("refused the credentials", "'app'"));
        cases.put("postgresql://app:" + encoded + "@localhost:" + good.port() + "/nosuchdb",
                List.of("does not exist", "createdb nosuchdb"));

        for (Map.Entry<String, List<String>> entry : cases.entrySet()) {
            String url = entry.getKey();
            String what = url.replace(encoded, "***");
            CliResult result = Process.startJarOn(url, home, "db", "current").await();
            CliResult verbose = Process.startJarOn(url, home, "--verbose", "db", "current").await();

            assertThat(result.exitCode()).as(what + ": " + result.stderr()).isEqualTo(3);
            assertThat(result.stdout()).as(what).isEmpty();
            assertThat(result.stderr().lines().toList()).as(what).singleElement().asString().startsWith("error: ")
                    .contains(entry.getValue());
            assertThat(verbose.exitCode()).as(what + " (verbose): " + verbose.stderr()).isEqualTo(3);
            for (CliResult run : List.of(result, verbose)) {
                assertThat(run.stdout() + run.stderr()).as(what).doesNotContain(SECRET).doesNotContain(encoded);
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

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
