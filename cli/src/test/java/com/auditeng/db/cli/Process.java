package com.auditeng.db.cli;

import com.auditeng.db.CliResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged command line (or the launcher) started as a separate operating-system process. */
final class Process {
    static final Path JAR = Path.of("target/auditeng.jar").toAbsolutePath();
    static final Path LAUNCHER = Path.of("../auditeng").toAbsolutePath().normalize();

    private final java.lang.Process process;
    private final Path stdout;
    private final Path stderr;

    private Process(java.lang.Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code java -jar auditeng.jar ARGS} with no DATABASE_URL and the embedded data in {@code home}. */
    static Process startJar(Path home, String... args) throws IOException {
        return startJar(home, Map.of(), args);
    }

    /** As {@link #startJar(Path, String...)}, with {@code variables} added to its environment. */
    static Process startJar(Path home, Map<String, String> variables, String... args) throws IOException {
        List<String> command = java("-jar", JAR.toString());
        command.addAll(List.of(args));
        return start(home, command, variables);
    }

    /** As {@link #startJar(Path, String...)}, with {@code jvmOptions} given to the JVM. */
    static Process startJar(List<String> jvmOptions, Path home, String... args) throws IOException {
        List<String> command = java();
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return start(home, command);
    }

    static Process startLauncher(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return start(home, command);
    }

    /** Starts the jar against {@code databaseUrl} (home still set, so a fallback to the embedded one stays contained). */
    static Process startJarOn(String databaseUrl, Path home, String... args) throws IOException {
        return startJarOn(List.of(), databaseUrl, home, args);
    }

    /** As {@link #startJarOn(String, Path, String...)}, with {@code jvmOptions} given to the JVM. */
    static Process startJarOn(List<String> jvmOptions, String databaseUrl, Path home, String... args)
            throws IOException {
        List<String> command = java();
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString(), "--database-url", databaseUrl));
        command.addAll(List.of(args));
        return start(home, command);
    }

    /** As {@link #startJarOn}, with libpq's variables ({@code PGPASSWORD}...) set in its environment. */
    static Process startJarOn(String databaseUrl, Map<String, String> variables, Path home, String... args)
            throws IOException {
        List<String> command = java("-jar", JAR.toString(), "--database-url", databaseUrl);
        command.addAll(List.of(args));
        return start(home, command, variables);
    }

    static CliResult runJar(Path home, String... args) throws Exception {
        return startJar(home, args).await();
    }

    private static Process start(Path home, List<String> command) throws IOException {
        return start(home, command, Map.of());
    }

    private static Process start(Path home, List<String> command, Map<String, String> variables) throws IOException {
        Path out = Files.createTempFile("auditeng-out", ".txt");
        Path err = Files.createTempFile("auditeng-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("DATABASE_URL");
        environment.remove("AUDITENG_MIGRATIONS");
        environment.keySet().removeIf(name -> name.startsWith("PG"));   // the machine's libpq settings stay out
        environment.put("AUDITENG_EMBEDDED_IDLE", "0");   // no server outlives a test unless the test asks for it
        environment.putAll(variables);
        environment.put("AUDITENG_HOME", home.toString());
        return new Process(builder.start(), out, err);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stderrSoFar() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    void signal(String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    }

    CliResult await() throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("auditeng did not finish within 120 s");
        }
        CliResult result = new CliResult(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
        Files.delete(stdout);
        Files.delete(stderr);
        return result;
    }

    /** The postgres server processes whose command line names {@code home}: those started for it. */
    static List<ProcessHandle> serversOf(Path home) {
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(home.toString())).orElse(false))
                .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .toList();
    }

    /**
     * The JVM running the tests, with the launcher's flags for a short command line and this JVM's archive of the
     * jar's classes, then {@code args}.
     */
    private static List<String> java(String... args) {
        List<String> command = jvm();
        command.addAll(ClassArchive.options());
        command.addAll(List.of(args));
        return command;
    }

    /** The JVM running the tests, with the launcher's flags for a short command line. */
    static List<String> jvm() {
        return new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }
}
