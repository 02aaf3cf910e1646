package com.auditeng.db.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/** Starts the embedded PostgreSQL for {@link ApplicationDatabase}; registered in META-INF/services. */
public final class EmbeddedDatabaseStarter implements DevelopmentServer.Starter {
    // as long as a command waits for another one that holds the server
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    public DevelopmentServer start(Path home) {
        // an application holds the server while it runs; closing it stops the server, as idle time 0 does for a command
        return EmbeddedDatabase.start(home, WAIT, Duration.ZERO, new PrintWriter(System.err, true));
    }
}
