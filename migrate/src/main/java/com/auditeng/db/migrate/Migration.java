package com.auditeng.db.migrate;

import java.io.PrintWriter;
import java.util.List;

/**
 * An upgrade or downgrade as the command line asked for it, run on one database by its runner: the same object
 * serves a single database and every target of a fleet, so both pass the same checks.
 */
@FunctionalInterface
public interface Migration {
    /**
     * Runs on the database of {@code runner}, telling {@code listener} of each revision and printing the checks'
     * warnings and refusals to {@code warnings}; returns the revisions applied or reverted, none when the database
     * already stood at the goal.
     */
    List<RevisionFile> run(MigrationRunner runner, RunListener listener, PrintWriter warnings);
}
