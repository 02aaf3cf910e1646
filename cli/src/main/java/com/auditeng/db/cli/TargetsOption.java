package com.auditeng.db.cli;

import com.auditeng.db.UsageException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --targets FILE}, {@code --targets-query SQL} and {@code --parallel N}: a command run on many databases. */
final class TargetsOption {
    @Option(names = "--targets", paramLabel = "FILE",
            description = "Run on every database FILE lists, one URL a line ('#' comments and blank lines skipped), "
                    + "instead of DATABASE_URL; each under its own migration lock. Ends with a report of every target.")
    Path file;

    @Option(names = "--targets-query", paramLabel = "SQL",
            description = "As --targets, the URLs being the first column of what SQL returns on the control database "
                    + "DATABASE_URL names, e.g. \"SELECT url FROM tenants WHERE active ORDER BY name\".")
    String query;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --targets: how many targets at once (default: 1).")
    Integer parallel;

    /** Whether targets are named; refuses --targets with --targets-query, and --parallel without either. */
    boolean isGiven() {
        if (file != null && query != null) {
            throw new UsageException("--targets and --targets-query both name the targets; give one of them");
        }
        boolean given = file != null || query != null;
        if (!given && parallel != null) {
            throw new UsageException("--parallel needs --targets FILE or --targets-query SQL; one database migrates "
                    + "one revision at a time");
        }
        return given;
    }

    int parallel() {
        return parallel == null ? 1 : parallel;
    }
}
