package com.auditeng.db.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping an embedded server that another process started, as {@code db stop} and the idle shutdown do. */
class EmbeddedServerStopTest {
    @TempDir
    Path home;

    @Test
    void aStopEndsWhenThePostmasterHasEndedThoughNoOneReapsIt() throws Exception {
        Path data = home.resolve(EmbeddedDatabase.DATA_FOLDER);
        String postgres;
        try (EmbeddedDatabase first = EmbeddedDatabase.start(home, Duration.ofSeconds(30), Duration.ZERO, notes())) {
            postgres = ProcessHandle.of(RunningServer.in(data).orElseThrow().pid()).orElseThrow().info().command()
                    .orElseThrow();
        }
        // the server's parent execs a sleep that never waits for its children: as in a container whose first
        // process reaps no orphans, the ended postmaster stays a zombie
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "\"$0\" -D \"$1\" -p \"$2\" -c listen_addresses=localhost >/dev/null 2>&1 & exec sleep 300",
                postgres, data.toString(), Integer.toString(freePort())));
        if (System.getProperty("user.name").equals("root")) {
            command.addAll(0, List.of("unshare", "-U"));   // as zonky does: PostgreSQL refuses to run as root
        }
        Process parent = new ProcessBuilder(command).start();
        RunningServer server = null;
        try {
            server = awaitReady(data);

            long start = System.nanoTime();
            boolean stopped = EmbeddedDatabase.stop(home, Duration.ofSeconds(5), notes());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(stopped).isTrue();
            assertThat(ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive))
                    .as("the ended postmaster, not yet reaped").contains(true);
            assertThat(data.resolve("postmaster.pid")).doesNotExist();
            assertThat(took).as("the stop's wait, which runs out after 30 s").isLessThan(Duration.ofSeconds(10));
        } finally {
            if (server != null) {
                ProcessHandle.of(server.pid()).ifPresent(ProcessHandle::destroy);   // when the test failed first
            }
            parent.destroy();
        }
    }

    private static RunningServer awaitReady(Path data) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<RunningServer> server = RunningServer.in(data).filter(RunningServer::ready);
        while (server.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            server = RunningServer.in(data).filter(RunningServer::ready);
        }
        return server.orElseThrow(() -> new AssertionError("the server did not become ready in " + data));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static PrintWriter notes() {
        return new PrintWriter(new StringWriter(), true);
    }
}
