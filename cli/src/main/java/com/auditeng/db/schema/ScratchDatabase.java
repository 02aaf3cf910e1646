package com.auditeng.db.schema;

import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;

import java.io.PrintWriter;
import java.sql.Connection;

/** A throwaway database on a {@link ScratchServer}, where revisions are run to see the schema they build. */
public final class ScratchDatabase implements AutoCloseable {
    private final ScratchServer server;
    private final DatabaseUrl url;
    private final DatabaseConnector connector;
    private final PrintWriter notes;

    ScratchDatabase(ScratchServer server, DatabaseUrl url, PrintWriter notes) {
        this.server = server;
        this.url = url;
        this.connector = server.connector(url);
        this.notes = notes;
    }

    public DatabaseUrl url() {
        return url;
    }

    public DatabaseConnector connector() {
        return connector;
    }

    public Connection connect() {
        return connector.open();
    }

    /** Where what runs on this database tells its progress: the command's notes. */
    public PrintWriter notes() {
        return notes;
    }

    @Override
    public void close() {
        server.drop(url.database());
    }
}
