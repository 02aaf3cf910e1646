package com.auditeng.db.autogen;

import com.auditeng.db.migrate.MigrationRunner;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Target;
import com.auditeng.db.schema.CatalogReader;
import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.ScratchDatabase;
import com.auditeng.db.schema.WantedSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Proves the revisions on a scratch database: each one upgrades, downgrades to exactly the catalog it started
 * from, and upgrades again to exactly the catalog of its first upgrade; at head, the schema equals the entities.
 */
public final class RevisionVerifier {
    private final ScratchRevisions scratch;
    private final Supplier<? extends WantedSchema> model;

    public RevisionVerifier(ScratchRevisions scratch, Supplier<? extends WantedSchema> model) {
        this.scratch = scratch;
        this.model = model;
    }

    /** Where verification stopped: the revision (none for the final comparison), what went wrong, and how. */
    public record Failure(Optional<RevisionFile> revision, String problem, List<String> differences) {
    }

    /** Verifies the revisions oldest first, telling {@code verified} of each; returns the first failure, if any. */
    public Optional<Failure> verify(Consumer<RevisionFile> verified) {
        // one connection reads every catalog: the runner's own come and go, and the reading one sees what they commit
        try (ScratchDatabase database = scratch.empty(); Connection reading = database.connect()) {
            MigrationRunner runner = scratch.runner(database);
            Target up = Target.parse("+1");
            Target down = Target.parse("-1");
            SchemaSnapshot before = CatalogReader.read(reading);
            for (RevisionFile file : scratch.revisions().all()) {
                runner.upgrade(up, applied -> { });
                SchemaSnapshot upgraded = CatalogReader.read(reading);
                runner.downgrade(down, reverted -> { });
                List<Change> left = SchemaDiff.between(before, CatalogReader.read(reading));
                if (!left.isEmpty()) {
                    return Optional.of(new Failure(Optional.of(file), "its rollback does not restore the schema "
                            + "from before its upgrade; fix the rollback: sections",
                            describe(left, "the schema before the upgrade", "the schema after the downgrade")));
                }
                runner.upgrade(up, applied -> { });
                SchemaSnapshot again = CatalogReader.read(reading);
                List<Change> drift = SchemaDiff.between(upgraded, again);
                if (!drift.isEmpty()) {
                    return Optional.of(new Failure(Optional.of(file), "upgrading again after its downgrade builds "
                            + "another schema; make the rollback undo exactly what the changes do",
                            describe(drift, "the first upgrade", "the second upgrade")));
                }
                verified.accept(file);
                before = again;
            }
            List<Change> differences = SchemaDiff.between(before, model.get().readOn(reading));
            if (!differences.isEmpty()) {
                return Optional.of(new Failure(Optional.empty(), "the schema at head differs from the entities; "
                        + "write a revision with 'db revision --autogenerate -m MESSAGE'",
                        describe(differences, "the revisions", "the model")));
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw ScratchRevisions.unreadable(e);
        }
    }

    private static List<String> describe(List<Change> changes, String from, String to) {
        return changes.stream().map(change -> change.describe(from, to)).toList();
    }

    private static SchemaSnapshot snapshot(ScratchDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return CatalogReader.read(connection);
        }
    }
}
