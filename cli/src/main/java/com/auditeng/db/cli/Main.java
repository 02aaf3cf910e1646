package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.config.EmbeddedDatabase;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/** The entry point of {@code auditeng}: runs one command and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args);
        if (EmbeddedDatabase.startedAServerHere()) {
            // the start left a temporary file that only the ordinary exit deletes; beside a server's start, the
            // exit's own cost (below) does not count
            System.exit(code);
        }
        // System.exit first sets up the platform's logging to log the exit (JDK 21+): some 300 classes and a few
        // spun method handles, often more than a short command's own work. By now every server and connection is
        // closed, the output flushed and no shutdown hook of ours is left, so the exit can skip the hooks.
        Runtime.getRuntime().halt(code);
    }

    /** Runs one command line to its end, with every server it started stopped; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** As {@link #run(String...)}, printing results to {@code out} and notes and errors to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        // alone, it needs no command model: picocli would build one by reflection, a good part of the time it takes
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println(VersionProvider.version());
            out.flush();
            return ExitCode.OK.number();
        }
        try (Workspace workspace = new Workspace()) {
            AuditengCommand root = new AuditengCommand(workspace);
            CommandLine commandLine = new CommandLine(root);
            Subcommands.register(commandLine, args);
            // after the subcommands: picocli gives the provider to the commands registered by then
            commandLine.setDefaultValueProvider(new EnvironmentDefaults());
            // picocli's own test for colours asks System.console(), which loads the JDK's line editor
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(
                    Terminal.isTerminal(Terminal.STDOUT) ? CommandLine.Help.Ansi.AUTO : CommandLine.Help.Ansi.OFF));
            commandLine.setOut(out);
            commandLine.setErr(err);
            ErrorHandler errors = new ErrorHandler(root::isVerbose);
            commandLine.setExecutionExceptionHandler(errors);
            commandLine.setParameterExceptionHandler(errors);
            // after parsing, before any library runs: logging is configured when a library first asks for a logger
            commandLine.setExecutionStrategy(parsed -> {
                configureLibraryLogs(root.isVerbose());
                return new CommandLine.RunLast().execute(parsed);
            });
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    // Liquibase, Hibernate and the embedded server log at INFO to stderr; results must stand alone
    private static void configureLibraryLogs(boolean verbose) {
        System.setProperty("liquibase.analytics.enabled", "false");
        if (!verbose) {
            System.setProperty("java.util.logging.config.class", QuietLogging.class.getName());
            return;
        }
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.INFO);
        root.addHandler(handler);
    }
}
