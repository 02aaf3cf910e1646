package com.auditeng.db.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a command needs to know about where it works, read once from flags, environment and defaults.
 *
 * @param databaseUrl the database to work on; empty means the embedded one
 * @param migrations  the folder of revision files; empty means the revisions packaged in the jar
 * @param home        where the embedded database keeps its data
 * @param embeddedIdle how long the embedded database keeps running after its last use; zero stops it after each command
 * @param scratchServer the server on which check, verify, autogenerate and diagram make their scratch databases;
 *                    empty means the embedded one
 * @param locks       how long a writer waits for another one, and for the table locks of its statements
 * @param quiet       whether to leave out notes and progress (errors and warnings are still printed)
 * @param terminal    whether stderr is a terminal, where progress may redraw a live line
 */
public record Settings(Optional<DatabaseUrl> databaseUrl, Optional<Path> migrations, Path home,
                       Duration embeddedIdle, Optional<DatabaseUrl> scratchServer, LockTimeouts locks, boolean quiet,
                       boolean terminal) {

    /** How long a writer waits for another migration to finish. */
    public Duration lockTimeout() {
        return locks.migrationLock();
    }
}
