package com.auditeng.db.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL server running on a data directory, as the {@code postmaster.pid} file PostgreSQL keeps there
 * describes it: its process id on the first line, its port on the fourth, its state ({@code ready}) on the eighth.
 *
 * @param data  the data directory
 * @param pid   the postmaster's process id
 * @param port  the port it listens on, on localhost
 * @param ready whether it accepts connections (not starting up or shutting down)
 */
record RunningServer(Path data, long pid, int port, boolean ready) {
    private static final Duration POLL = Duration.ofMillis(50);

    /** The server running on {@code data}; empty when none runs there (no file, or a stale one from a crash). */
    static Optional<RunningServer> in(Path data) {
        List<String> lines;
        try {
            lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();   // removed while being read: the server is stopping
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        // after a crash the file stays, and its pid may since have gone to another program
        if (process.isEmpty() || !process.get().isAlive()
                || !process.get().info().command().map(command -> command.endsWith("postgres")).orElse(false)) {
            return Optional.empty();
        }
        String portLine = lines.size() > 3 ? lines.get(3).strip() : "";
        int port = portLine.matches("\\d{1,5}") ? Integer.parseInt(portLine) : 0;
        boolean ready = port > 0 && lines.size() > 7 && lines.get(7).strip().equals("ready");
        return Optional.of(new RunningServer(data, pid, port, ready));
    }

    DatabaseUrl url(String database) {
        return new DatabaseUrl("localhost", port, database, "postgres", null, Map.of());
    }

    /**
     * Stops the server with a fast shutdown (SIGINT: sessions are ended, open transactions rolled back, the data
     * written out cleanly) and waits up to {@code wait} for it to be gone.
     */
    void stop(Duration wait) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            long deadline = System.nanoTime() + wait.toNanos();
            while (isStillUp() && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);   // SIGTERM: a smart shutdown, without kill(1)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // The postmaster removes its postmaster.pid as the last step of a shutdown; pg_ctl stop waits for that too. Its
    // process is not this JVM's child: once ended, it stays a zombie until whoever adopted it reaps it, which a
    // container's first process may do late (1.5 s measured) or, without an init, never.
    private boolean isStillUp() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return Files.exists(data.resolve("postmaster.pid")) && process.isPresent() && process.get().isAlive();
    }
}
