package com.auditeng.db.cli;

import com.auditeng.db.ExitCode;
import com.auditeng.db.UsageException;
import com.auditeng.db.migrate.Migration;
import com.auditeng.db.migrate.OfflineScript;
import com.auditeng.db.migrate.Target;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.function.BiFunction;
import java.util.function.Function;

/** The options upgrade and downgrade share, and the three ways they run: offline, on one database, on a fleet. */
final class MigrationOptions {
    @Option(names = "--sql", description = "Print the SQL instead of running it; connects to no database.")
    private boolean sql;

    @Option(names = "--json", description = "Print one JSON document: {\"revisions\": [{\"id\", \"message\", \"file\", "
            + "\"duration_ms\", \"lock_retries\": [...]}], \"current\": \"NNNN\" or null}; with --targets the report, "
            + "{\"targets\": [{\"target\", \"before\", \"after\", \"duration_ms\", \"outcome\", \"error\", ...}], "
            + "\"counts\", \"exit_code\", ...} (docs/json-output.md).")
    private boolean json;

    @Mixin
    private RolloutOptions rollout;

    /**
     * With --sql prints {@code offline}'s script for {@code target}; otherwise runs the migration made for the parsed
     * target on the database, or on every database of --targets.
     */
    int run(DbCommand db, String verb, String target, BiFunction<OfflineScript, String, String> offline,
            Function<Target, Migration> migration) {
        if (rollout.isGiven() && sql) {
            throw new UsageException("--sql prints the SQL for no database; leave out --targets");
        }
        if (sql) {
            db.out().print(offline.apply(new OfflineScript(db.revisions(), db.compiler()), target));
            return ExitCode.OK.number();
        }
        Migration run = migration.apply(Target.parse(target));
        return rollout.isGiven() ? db.rollOut(verb, target, rollout, json, run) : db.migrate(verb, json, run);
    }
}
