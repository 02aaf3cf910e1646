package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands the launcher runs, in one JVM, to record the start-up cache once per build (JDK 25's AOT cache,
 * a CDS archive before it): the classes they load are mapped from the cache at every later start, and on JDK 25 the
 * profiles of their methods come with them. So they are the commands people run, on the paths they take: the
 * embedded database started, then found running; revisions from the compiled-revision cache, never Liquibase.
 * Not {@code --json}: every class in the cache is loaded at every start, and Jackson's 460 would cost each command
 * about 20 ms to spare the few that print JSON their loading.
 *
 * <p>Arguments: the global options to give every command (the launcher passes {@code --migrations DIR}). It works on
 * the embedded database of {@code AUDITENG_HOME}, which the launcher points at a throwaway folder.
 */
public final class StartupTraining {
    private static final List<String> CHECK = List.of("db", "check");
    private static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("db", "heads"),
            List.of("db", "current"),
            List.of("db", "upgrade"),
            List.of("db", "current"),
            List.of("db", "history"),
            List.of("db", "downgrade", "base"),
            List.of("db", "upgrade", "head"),
            List.of("db", "stamp", "head"),
            // the launcher ran a check before, unrecorded, so this one reads the entities' DDL from its cache and
            // leaves Hibernate out of the start-up cache
            CHECK,
            List.of("db", "stop"));

    private StartupTraining() {
    }

    public static void main(String[] args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        PrintWriter err = new PrintWriter(System.err, true);
        for (List<String> command : COMMANDS) {
            List<String> line = new ArrayList<>(List.of(args));
            line.addAll(List.of("--embedded-idle", "1min"));   // the server stays up between them, as for a user
            line.addAll(command);
            int code = Main.run(nowhere, err, line.toArray(String[]::new));
            // entities edited but not yet in a revision are a difference, which is what check is for
            boolean expected = code == 0 || command.equals(CHECK) && code == ExitCode.PROBLEM_FOUND.number();
            if (!expected) {
                err.println("error: 'auditeng " + String.join(" ", command) + "' ended with " + code
                        + " while preparing the start-up cache");
                System.exit(code);
            }
        }
    }
}
