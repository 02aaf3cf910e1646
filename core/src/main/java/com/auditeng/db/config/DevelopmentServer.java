package com.auditeng.db.config;

import java.nio.file.Path;

/**
 * A PostgreSQL on this machine for development and tests, used when no DATABASE_URL is given. The runtime does not
 * bring one: {@code auditeng-db-embedded} does, found through {@link java.util.ServiceLoader}, so that an
 * application's production class path carries no PostgreSQL binaries.
 */
public interface DevelopmentServer extends AutoCloseable {
    /** Where the server's database is; it has no password. */
    DatabaseUrl url();

    /** Stops the server, or gives it back to the commands that share it. */
    @Override
    void close();

    /** Starts a development server whose data lives in a home folder; implemented by auditeng-db-embedded. */
    interface Starter {
        DevelopmentServer start(Path home);
    }
}
