package com.auditeng.db.cli;

import picocli.CommandLine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The subcommands of {@code auditeng db}, by name, in the order help lists them.
 *
 * <p>picocli builds the model of every registered command by reflection before it parses anything, which costs
 * a good part of a short command's start-up. So a command line that names one subcommand registers only that one;
 * help, completion and unknown names get them all.
 */
final class DbSubcommands {
    private static final Map<String, Supplier<Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("current", CurrentCommand::new);
        ALL.put("history", HistoryCommand::new);
        ALL.put("heads", HeadsCommand::new);
        ALL.put("upgrade", UpgradeCommand::new);
        ALL.put("downgrade", DowngradeCommand::new);
        ALL.put("stamp", StampCommand::new);
        ALL.put("revision", RevisionCommand::new);
        ALL.put("check", CheckCommand::new);
        ALL.put("verify", VerifyCommand::new);
        ALL.put("lint", LintCommand::new);
        ALL.put("diagram", DiagramCommand::new);
    }

    private DbSubcommands() {
    }

    static void register(CommandLine db, String[] args) {
        String named = firstWordAfter("db", List.of(args));
        if (named != null && ALL.containsKey(named)) {
            db.addSubcommand(named, ALL.get(named).get());
            return;
        }
        ALL.forEach((name, command) -> db.addSubcommand(name, command.get()));
    }

    /** The first argument after {@code word} that is not an option; null when there is none. */
    private static String firstWordAfter(String word, List<String> args) {
        int at = args.indexOf(word);
        if (at < 0) {
            return null;
        }
        return args.subList(at + 1, args.size()).stream().filter(arg -> !arg.startsWith("-")).findFirst().orElse(null);
    }
}
