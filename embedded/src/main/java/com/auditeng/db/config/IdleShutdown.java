package com.auditeng.db.config;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stops the embedded PostgreSQL once no command has used it for its idle time.
 *
 * <p>The server outlives the command that started it, so that the next command finds it running; something has to
 * outlive both to stop it. That is a shell loop, started detached (a session of its own, so that neither Ctrl-C nor a
 * closed terminal reaches it) by the first command that leaves the server running. It sleeps until the idle time
 * after the last use has passed, then runs {@link #main} once: that takes the home lock, which a running command holds,
 * reads the last use again and stops the server. The loop ends with the server, whoever stops it, and when a newer
 * loop has taken over. A shell rather than a JVM waits, because it costs no memory to speak of.
 */
public final class IdleShutdown {
    /** The file whose time is the last use of the server, and whose text is the idle time then, in milliseconds. */
    static final String LAST_USE = "last-use";
    private static final String WATCHER = "idle-watch.pid";
    // $1: the home folder, then the command that stops the server if it is idle (exit 0) or not (exit 1)
    private static final String LOOP = """
            home=$1; shift
            echo $$ > "$home/idle-watch.pid"
            while [ -e "$home/postgres/postmaster.pid" ] && [ "$(cat "$home/idle-watch.pid" 2>/dev/null)" = "$$" ]; do
                idle=$(cat "$home/last-use" 2>/dev/null) || exit 0
                left=$(( $(stat -c %Y "$home/last-use") + (idle + 999) / 1000 - $(date +%s) ))
                if [ "$left" -gt 0 ]; then
                    sleep "$(( left < 10 ? left : 10 ))"   # wakes now and then to see whether the server still runs
                elif "$@" "$home"; then
                    exit 0
                else
                    sleep 1
                fi
            done
            """;

    private IdleShutdown() {
    }

    /** Stops the server of the home folder {@code args[0]} if it is idle; exit 0 when it is not running any more. */
    public static void main(String[] args) throws IOException {
        System.exit(stopIfIdle(Path.of(args[0])) ? 0 : 1);
    }

    static boolean stopIfIdle(Path home) throws IOException {
        try (FileChannel channel = FileChannel.open(home.resolve(EmbeddedDatabase.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return false;   // a command is using the server
            }
            Optional<RunningServer> server = RunningServer.in(home.resolve(EmbeddedDatabase.DATA_FOLDER));
            if (server.isEmpty()) {
                return true;
            }
            Path lastUse = home.resolve(LAST_USE);
            long idleMillis = Long.parseLong(Files.readString(lastUse, StandardCharsets.UTF_8).strip());
            if (Files.getLastModifiedTime(lastUse).toMillis() + idleMillis > System.currentTimeMillis()) {
                return false;
            }
            server.get().stop(Duration.ofSeconds(30));
            return true;
        } catch (NumberFormatException e) {
            return false;   // being written; the loop asks again
        }
    }

    /** Records a use of the server now, with the idle time after which it may stop; starts a watcher if none runs. */
    static void recordUse(Path home, Duration idle) throws IOException {
        Files.writeString(home.resolve(LAST_USE), Long.toString(idle.toMillis()), StandardCharsets.UTF_8);
        if (isWatched(home)) {
            return;
        }
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of("sh", "-c", LOOP, "auditeng-idle-shutdown", home.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m",
                "-cp", classPath(), IdleShutdown.class.getName()));
        // no stream of ours stays open in it: a caller reading our output, $(auditeng db current), would wait for it
        // the loop writes its own id first thing; should two loops start, the older one ends when it sees the newer id
        new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static boolean isWatched(Path home) {
        try {
            String pid = Files.readString(home.resolve(WATCHER), StandardCharsets.UTF_8).strip();
            return pid.matches("\\d{1,10}")
                    && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    // this module's jar (or classes) and core's, where DatabaseUrl is: all that stopping the server needs
    private static String classPath() throws IOException {
        return codeSource(IdleShutdown.class) + File.pathSeparator + codeSource(DatabaseUrl.class);
    }

    private static String codeSource(Class<?> type) throws IOException {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the program's classes for the idle shutdown", e);
        }
    }
}
