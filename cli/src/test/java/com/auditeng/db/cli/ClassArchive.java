package com.auditeng.db.cli;

import com.auditeng.db.TestDatabase;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The jar's classes as a class-data sharing archive, made by one command against the tests' server, for every
 * process the tests start after it: as the launcher's start-up cache does for a user, it saves each of them about a
 * third of its start (the process-level tests start a hundred). One archive serves every JVM of the tests until the
 * jar is built again, named by the jar it holds and the JVM that maps it: making it costs 2.6 s of CPU, which each of
 * a run's JVMs paid when each made its own.
 */
final class ClassArchive {
    private static final Path FILE = Path.of("target/it-classes-" + jarStamp() + "-" + Runtime.version().feature()
            + "-" + Integer.toHexString(System.getProperty("java.home").hashCode()) + ".jsa").toAbsolutePath();
    private static List<String> options;

    private ClassArchive() {
    }

    /** The options that map the archive; none while it cannot be made, so that the tests run without it. */
    static synchronized List<String> options() {
        if (options == null) {
            options = make() ? quietly("-XX:SharedArchiveFile=" + FILE) : List.of();
        }
        return options;
    }

    // the first of the run's JVMs makes it while the others wait on the lock, then find it made
    private static boolean make() {
        try (FileChannel lock = FileChannel.open(FILE.resolveSibling(FILE.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lock.lock()) {
            return Files.isRegularFile(FILE) || record();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean record() {
        Path recording = FILE.resolveSibling(FILE.getFileName() + "." + ProcessHandle.current().pid());
        String url = TestDatabase.fresh().redacted();
        List<String> command = Process.jvm();
        command.addAll(quietly("-XX:ArchiveClassesAtExit=" + recording));
        command.addAll(List.of("-jar", Process.JAR.toString(), "--database-url", url, "db", "upgrade"));
        ProcessBuilder training = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        training.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG"));
        training.environment().put("AUDITENG_HOME", recording.resolveSibling("it-classes-home").toString());
        try {
            java.lang.Process process = training.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(recording)) {
                Files.deleteIfExists(recording);
                return false;
            }
            Files.move(recording, FILE, StandardCopyOption.ATOMIC_MOVE);
            removeOthers();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // the archives of earlier builds of the jar, 14 MB each, which no JVM maps any more
    private static void removeOthers() {
        try (Stream<Path> files = Files.list(FILE.getParent())) {
            for (Path file : files.filter(ClassArchive::earlierArchive).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // left for the next build's archive to remove
        }
    }

    private static boolean earlierArchive(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("it-classes-") && name.endsWith(".jsa") && !file.equals(FILE);
    }

    private static String jarStamp() {
        try {
            return Files.getLastModifiedTime(Process.JAR).toMillis() + "-" + Files.size(Process.JAR);
        } catch (IOException e) {
            return "unbuilt";   // no jar, no archive: making it fails, and the tests run without it
        }
    }

    // the archive's warnings (classes it skips) would reach the output the tests read
    private static List<String> quietly(String option) {
        return List.of(option, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
