package com.auditeng.db.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The subcommands of {@code auditeng} and of {@code auditeng db}, by name, in the order help lists them.
 *
 * <p>picocli builds the model of every registered command by reflection before it parses anything, which costs
 * a good part of a short command's start-up. So a command line that names one subcommand registers only that one;
 * help, completion and unknown names get them all.
 */
final class Subcommands {
    private static final Map<String, Supplier<Object>> DB = new LinkedHashMap<>();

    static {
        DB.put("current", CurrentCommand::new);
        DB.put("history", HistoryCommand::new);
        DB.put("heads", HeadsCommand::new);
        DB.put("upgrade", UpgradeCommand::new);
        DB.put("downgrade", DowngradeCommand::new);
        DB.put("stamp", StampCommand::new);
        DB.put("status", StatusCommand::new);
        DB.put("rebase", RebaseCommand::new);
        DB.put("revision", RevisionCommand::new);
        DB.put("check", CheckCommand::new);
        DB.put("verify", VerifyCommand::new);
        DB.put("lint", LintCommand::new);
        DB.put("diagram", DiagramCommand::new);
    }

    private Subcommands() {
    }

    static void register(CommandLine root, String[] args) {
        List<String> words = List.of(args);
        CommandLine db = new CommandLine(new DbCommand());
        root.addSubcommand("db", db);
        String named = words.contains("db") ? firstWordAfter(words.indexOf("db"), words) : null;
        if (named != null && DB.containsKey(named)) {
            db.addSubcommand(named, DB.get(named).get());
            return;
        }
        DB.forEach((name, command) -> db.addSubcommand(name, command.get()));
        // completion describes the whole tree, so it comes only with all of it
        root.addSubcommand("completion", new CompletionCommand());
    }

    /** The first argument after position {@code at} that is not an option; null when there is none. */
    private static String firstWordAfter(int at, List<String> args) {
        return args.subList(at + 1, args.size()).stream().filter(arg -> !arg.startsWith("-")).findFirst().orElse(null);
    }
}
