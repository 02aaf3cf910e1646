package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.HostileUrls;
import com.auditeng.db.HostileUrls.HostileUrl;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated URLs given to the real command line: no password on stdout or stderr, --verbose and typos included. */
class HostileUrlCommandTest {

    @Test
    void noPasswordShowsOnEitherStreamWithOrWithoutVerbose() throws IOException {
        HostileUrls urls = new HostileUrls();
        String port = ":" + closedPort();
        for (int i = 0; i < 12; i++) {
            HostileUrl url = i % 2 == 0 ? urls.next() : urls.next("127.0.0.1", port);
            boolean verbose = i % 3 != 0;

            ByteArrayOutputStream libraryLogs = new ByteArrayOutputStream();
            CliResult result = withSystemStreamsIn(libraryLogs, () -> verbose
                    ? Cli.runRaw("--database-url", url.text(), "--verbose", "db", "current")
                    : Cli.runRaw("--database-url", url.text(), "db", "current"));

            assertThat(result.exitCode()).as(url.describe("nothing; it exited " + result.exitCode())).isEqualTo(3);
            assertThat(url.leakIn(result.stdout())).as(url.describe("stdout")).isNull();
            assertThat(url.leakIn(result.stderr())).as(url.describe("stderr: " + result.stderr())).isNull();
            assertThat(url.leakIn(libraryLogs.toString(StandardCharsets.UTF_8))).as(url.describe("library logs"))
                    .isNull();
        }
    }

    @Test
    void noPasswordShowsWhenAMistypedOptionEchoesTheUrl() {
        HostileUrls urls = new HostileUrls();
        for (int i = 0; i < 6; i++) {
            HostileUrl url = urls.next();

            CliResult joined = Cli.runRaw("--databse-url=" + url.text(), "db", "current");
            CliResult apart = Cli.runRaw("--databse-url", url.text(), "--verbose", "db", "current");

            assertThat(joined.exitCode()).isEqualTo(2);
            assertThat(url.leakIn(joined.stderr())).as(url.describe("stderr: " + joined.stderr())).isNull();
            assertThat(url.leakIn(apart.stderr())).as(url.describe("stderr: " + apart.stderr())).isNull();
        }
    }

    // under --verbose, library logs go to System.err through java.util.logging rather than to the captured writers
    private static CliResult withSystemStreamsIn(ByteArrayOutputStream capture, Supplier<CliResult> run) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            return run.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
