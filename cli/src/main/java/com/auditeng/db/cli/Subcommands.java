package com.auditeng.db.cli;

import picocli.CommandLine;

import java.util.List;

/**
 * The subcommands of {@code auditeng} and of {@code auditeng db}, by name, in the order help lists them.
 *
 * <p>picocli builds the model of every registered command by reflection before it parses anything, which costs
 * a good part of a short command's start-up. So a command line that names one subcommand registers only that one;
 * {@code --version} and the root's help get {@code db} without its verbs (the root's help lists only its own
 * subcommands); {@code db --help}, completion and unknown names get them all. Commands are created by a switch,
 * not a table of constructor references: those would load every command class and spin a lambda for each.
 */
final class Subcommands {
    static final List<String> DB = List.of("current", "history", "heads", "upgrade", "downgrade", "stamp", "stop",
            "status", "rebase", "revision", "check", "verify", "lint", "diagram");

    private Subcommands() {
    }

    static void register(CommandLine root, String[] args) {
        List<String> words = List.of(args);
        CommandLine db = new CommandLine(new DbCommand());
        root.addSubcommand("db", db);
        String named = words.contains("db") ? firstWordAfter(words.indexOf("db"), words) : null;
        if (named != null && DB.contains(named)) {
            db.addSubcommand(named, dbCommand(named));
            return;
        }
        root.addSubcommand("completion", new CompletionCommand());
        if (!words.contains("db") && !words.contains("completion")) {
            return;
        }
        // completion describes the whole tree, so it comes only with all of it
        for (String name : DB) {
            db.addSubcommand(name, dbCommand(name));
        }
    }

    private static Object dbCommand(String name) {
        return switch (name) {
            case "current" -> new CurrentCommand();
            case "history" -> new HistoryCommand();
            case "heads" -> new HeadsCommand();
            case "upgrade" -> new UpgradeCommand();
            case "downgrade" -> new DowngradeCommand();
            case "stamp" -> new StampCommand();
            case "stop" -> new StopCommand();
            case "status" -> new StatusCommand();
            case "rebase" -> new RebaseCommand();
            case "revision" -> new RevisionCommand();
            case "check" -> new CheckCommand();
            case "verify" -> new VerifyCommand();
            case "lint" -> new LintCommand();
            case "diagram" -> new DiagramCommand();
            default -> throw new IllegalArgumentException("no db command " + name);
        };
    }

    /** The first argument after position {@code at} that is not an option; null when there is none. */
    private static String firstWordAfter(int at, List<String> args) {
        for (String arg : args.subList(at + 1, args.size())) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
}
