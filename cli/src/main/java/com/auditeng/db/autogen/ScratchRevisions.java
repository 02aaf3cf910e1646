package com.auditeng.db.autogen;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;
import com.auditeng.db.schema.CatalogReader;
import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.ScratchDatabase;
import com.auditeng.db.schema.ScratchServer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/** Revisions run on scratch databases of one server: to see the schema they build at head or at any target. */
public final class ScratchRevisions {
    // nobody else knows a scratch database, so its migration lock is never contended
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(30);

    private final ScratchServer server;
    private final Revisions revisions;
    private final RevisionCompiler compiler;

    public ScratchRevisions(ScratchServer server, Revisions revisions, RevisionCompiler compiler) {
        this.server = server;
        this.revisions = revisions;
        this.compiler = compiler;
    }

    public Revisions revisions() {
        return revisions;
    }

    /**
     * What {@code reading} finds on a database holding the schema at head, whose changes to it are undone (see
     * {@link ScratchServer#readTemplate}): the server keeps that schema as a template, built once per set of
     * revisions and named by a digest of their SQL, so check and autogenerate cost the same at 10 revisions as at
     * 1,000.
     */
    public <T> T readAtHead(ScratchServer.Reading<T> reading) {
        try {
            return server.readTemplate(digest(),
                    scratch -> runner(scratch).upgrade(Target.parse("head"), ok -> { }), reading);
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    /** A new, empty database. */
    public ScratchDatabase empty() {
        return server.create();
    }

    /** A runner that migrates {@code scratch} through the revisions. */
    public MigrationRunner runner(ScratchDatabase scratch) {
        return new MigrationRunner(scratch.connector(), revisions, compiler, LOCK_TIMEOUT, scratch.notes());
    }

    /** The schema the revisions build up to {@code target}; at head, read from the server's template of it. */
    public SchemaSnapshot schemaAt(Target target) {
        if (target.resolve(revisions, Target.BASE_POSITION) == revisions.all().size() - 1) {
            return readAtHead(CatalogReader::read);
        }
        try (ScratchDatabase scratch = empty()) {
            runner(scratch).upgrade(target, applied -> { });
            try (Connection connection = scratch.connect()) {
                return CatalogReader.read(connection);
            }
        } catch (SQLException e) {
            throw unreadable(e);
        }
    }

    static ConfigurationException unreadable(SQLException e) {
        return new ConfigurationException("cannot read the scratch database's schema (" + e.getMessage()
                + "); rerun with --verbose and report it", e);
    }

    private String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RevisionFile file : revisions.all()) {
                CompiledRevision revision = compiler.compile(file);
                digest.update((file.id() + "\n" + revision.transactional() + "\n").getBytes(StandardCharsets.UTF_8));
                for (String sql : revision.upgrade()) {
                    digest.update((sql + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
