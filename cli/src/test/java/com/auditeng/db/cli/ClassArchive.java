package com.auditeng.db.cli;

import com.auditeng.db.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jar's classes as a class-data sharing archive, made once per test JVM by one command against the tests'
 * server, for every process the tests start after it: as the launcher's start-up cache does for a user, it saves
 * each of them about a third of its start (the process-level tests start a hundred).
 */
final class ClassArchive {
    private static final Path FILE = Path.of("target/it-classes-" + ProcessHandle.current().pid() + ".jsa")
            .toAbsolutePath();
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

    private static boolean make() {
        String url = TestDatabase.fresh().redacted();
        List<String> command = Process.jvm();
        command.addAll(quietly("-XX:ArchiveClassesAtExit=" + FILE));
        command.addAll(List.of("-jar", Process.JAR.toString(), "--database-url", url, "db", "upgrade"));
        ProcessBuilder training = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        training.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.startsWith("PG"));
        training.environment().put("AUDITENG_HOME", FILE.resolveSibling("it-classes-home").toString());
        try {
            java.lang.Process process = training.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0 && Files.isRegularFile(FILE);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // the archive's warnings (classes it skips) would reach the output the tests read
    private static List<String> quietly(String option) {
        return List.of(option, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
