package com.auditeng.db.schema;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;

import java.sql.Connection;
import java.sql.SQLException;

/** The schema that revisions build up to a target, read from a scratch database they are run on. */
public final class RevisionSchema {
    private RevisionSchema() {
    }

    /**
     * Runs {@code revisions} up to {@code target} on a new scratch database of {@code server}; reads its catalog.
     * At head it copies the server's template of the schema at head, as check does, instead of running them all.
     */
    public static SchemaSnapshot at(ScratchServer server, Revisions revisions, Target target) {
        boolean head = target.resolve(revisions, Target.BASE_POSITION) == revisions.all().size() - 1;
        try (ScratchDatabase scratch = head ? server.createAtHead(revisions, new RevisionCompiler()) : server.create()) {
            if (!head) {
                scratch.runner(revisions).upgrade(target, applied -> { });
            }
            try (Connection connection = scratch.connect()) {
                return CatalogReader.read(connection);
            }
        } catch (SQLException e) {
            throw new ConfigurationException("cannot read the scratch database's schema (" + e.getMessage()
                    + "); rerun with --verbose and report it", e);
        }
    }
}
