package com.auditeng.db.cli;

import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.config.EmbeddedDatabase;
import com.auditeng.db.config.Settings;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.Revisions;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * What one command works on, built on first use from the settings: the revisions, the database (starting the
 * embedded one when no URL is given) and the runner over both. Closing it stops the embedded server.
 */
final class Workspace implements AutoCloseable {
    private Settings settings;
    private PrintWriter notes;
    private Revisions revisions;
    private EmbeddedDatabase embedded;
    private DatabaseConnector connector;
    private RevisionCompiler compiler;

    void configure(Settings settings, PrintWriter err) {
        this.settings = settings;
        this.notes = settings.quiet() ? new PrintWriter(Writer.nullWriter()) : err;
    }

    Settings settings() {
        return settings;
    }

    PrintWriter notes() {
        return notes;
    }

    Revisions revisions() {
        if (revisions == null) {
            revisions = settings.migrations().map(Revisions::load).orElseGet(Revisions::bundled);
        }
        return revisions;
    }

    DatabaseConnector connector() {
        if (connector == null) {
            connector = new DatabaseConnector(databaseUrl());
        }
        return connector;
    }

    RevisionCompiler compiler() {
        if (compiler == null) {
            compiler = new RevisionCompiler();
        }
        return compiler;
    }

    MigrationRunner runner() {
        return new MigrationRunner(connector(), revisions(), compiler(), settings.locks(), notes);
    }

    private DatabaseUrl databaseUrl() {
        if (settings.databaseUrl().isPresent()) {
            return settings.databaseUrl().get();
        }
        notes.println("note: no DATABASE_URL given; using the embedded PostgreSQL in " + settings.home());
        embedded = EmbeddedDatabase.start(settings.home(), settings.lockTimeout(), settings.embeddedIdle(), notes);
        return embedded.url();
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
