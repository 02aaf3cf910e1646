package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.migrate.RevisionCompiler;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The commands the launcher runs, in one JVM, to record a start-up cache once per build (JDK 25's AOT cache, a CDS
 * archive before it): the classes they load are mapped from the cache at every later start, and on JDK 25 the
 * profiles of their methods come with them. So they are the commands people run, on the paths they take.
 *
 * <p>Two caches, because every class in a cache is loaded at every start that uses it:
 * <ul>
 *   <li>{@code run}, for every command but {@code db revision --autogenerate}: the embedded database started, then
 *   found running; revisions from the compiled-revision cache, never Liquibase. Not {@code --json} either: Jackson's
 *   460 classes would cost each command about 20 ms to spare the few that print JSON their loading.</li>
 *   <li>{@code authoring}, for {@code db revision --autogenerate}: it compiles the revision it writes with Liquibase,
 *   which took 430 to 530 ms to load and set up beside the rest of the command without its classes in the cache,
 *   about 270 with them (JDK 25). They would cost every other command 10 to 15 ms at start.</li>
 * </ul>
 *
 * <p>Arguments: the cache's name, then the global options to give every command (the launcher passes
 * {@code --migrations DIR}; for {@code authoring}, a copy of the revisions, which autogenerate writes into when the
 * entities have changed). It works on the embedded database of {@code AUDITENG_HOME}, which the launcher points at a
 * throwaway folder and starts before each run, unrecorded: a start is rare, finding it running is not.
 */
public final class StartupTraining {
    private static final List<String> CHECK = List.of("db", "check");
    private static final List<List<String>> RUN = List.of(
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
    private static final List<String> AUTOGENERATE = List.of("db", "revision", "--autogenerate", "-m",
            "start-up training");
    private static final List<List<String>> AUTHORING = List.of(
            CHECK,
            AUTOGENERATE,
            List.of("db", "stop"));

    private StartupTraining() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !List.of("run", "authoring").contains(args[0])) {
            System.err.println("error: the first argument names the cache to train: run or authoring");
            System.exit(ExitCode.USAGE.number());
        }
        boolean authoring = args[0].equals("authoring");
        List<String> options = Arrays.asList(args).subList(1, args.length);
        run(authoring ? AUTHORING : RUN, options);
        if (authoring) {
            RevisionCompiler.prepare();   // when the entities match the revisions, autogenerate compiled nothing
        }
    }

    private static void run(List<List<String>> commands, List<String> options) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        PrintWriter err = new PrintWriter(System.err, true);
        for (List<String> command : commands) {
            List<String> line = new ArrayList<>(options);
            line.addAll(List.of("--embedded-idle", "1min"));   // the server stays up between them, as for a user
            line.addAll(command);
            int code = Main.run(nowhere, err, line.toArray(String[]::new));
            // entities edited but not yet in a revision are a difference, which is what check is for; entities
            // being edited may also not be valid yet, which check and autogenerate report with the same code
            boolean expected = code == 0 || (command.equals(CHECK) || command.equals(AUTOGENERATE))
                    && code == ExitCode.PROBLEM_FOUND.number();
            if (!expected) {
                err.println("error: 'auditeng " + String.join(" ", command) + "' ended with " + code
                        + " while preparing the start-up cache");
                System.exit(code);
            }
        }
    }
}
