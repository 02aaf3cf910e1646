package com.auditeng.db.schema;

import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.Revisions;

import java.io.PrintWriter;
import java.sql.Connection;
import java.time.Duration;

/** A throwaway database on a {@link ScratchServer}, where revisions are run to see the schema they build. */
public final class ScratchDatabase implements AutoCloseable {
    // nobody else knows the database, so its migration lock is never contended
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final ScratchServer server;
    private final DatabaseUrl url;
    private final DatabaseConnector connector;
    private final PrintWriter notes;

    ScratchDatabase(ScratchServer server, DatabaseUrl url, PrintWriter notes) {
        this.server = server;
        this.url = url;
        this.connector = new DatabaseConnector(url);
        this.notes = notes;
    }

    public DatabaseUrl url() {
        return url;
    }

    public Connection connect() {
        return connector.open();
    }

    /** A runner that migrates this database through {@code revisions}. */
    public MigrationRunner runner(Revisions revisions) {
        return new MigrationRunner(connector, revisions, new RevisionCompiler(), LOCK_TIMEOUT, notes);
    }

    @Override
    public void close() {
        server.drop(url.database());
    }
}
