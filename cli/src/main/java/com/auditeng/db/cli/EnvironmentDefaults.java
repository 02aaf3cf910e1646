package com.auditeng.db.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;
import java.util.Optional;

/**
 * The environment, as picocli's defaults: an option left off the command line takes its variable's value, so a
 * flag always wins. The command line's one reader of the environment.
 *
 * <p>A variable set but blank counts as unset, as for libpq: {@code DATABASE_URL= ./auditeng db current} means the
 * embedded database, while an explicit {@code --database-url ""} reaches the URL parser and is refused. The values
 * never show in help: no description asks for its default value.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    /** Each option's variable, by the option's longest name; the other settings have a flag only. */
    static final Map<String, String> VARIABLES = Map.of(
            "--database-url", "DATABASE_URL",
            "--migrations", "AUDITENG_MIGRATIONS",
            "--embedded-idle", "AUDITENG_EMBEDDED_IDLE",
            "--scratch-url", "AUDITENG_SCRATCH_URL",
            "--ddl-lock-timeout", "AUDITENG_DDL_LOCK_TIMEOUT",
            "--ddl-retry-deadline", "AUDITENG_DDL_RETRY_DEADLINE");

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String name = VARIABLES.get(option.longestName());
        // picocli expands ${...} in what a provider gives, and reads $$ as $: a password such as pa$$w0rd or p${q
        // must reach the parser as it was set, as it does from the flag
        return name == null ? null : variable(name).map(value -> value.replace("$", "$$")).orElse(null);
    }

    /** A variable with no flag of its own, such as AUDITENG_HOME; empty when unset or blank. */
    static Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    // PGHOST, PGPASSWORD and the others fill what DATABASE_URL leaves out, as for psql; they never stand in for it.
    // The URL parser reads only those, a blank one as unset.
    static Map<String, String> libpq() {
        return System.getenv();
    }
}
