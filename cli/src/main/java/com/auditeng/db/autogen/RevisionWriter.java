package com.auditeng.db.autogen;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.UsageException;
import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.migrate.HeadMarker;
import com.auditeng.db.migrate.Phase;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.Revisions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the next revision file {@code NNNN_<slug>.yaml} of a migrations folder: an empty template, or the steps
 * of a {@link RevisionPlan}, each in a change set of its own with its rollback, destructive steps and likely renames
 * marked in comments. A revision names its number only in its file name, header and change set ids: what is
 * current is the newest row of {@code auditeng_revision}, written in the revision's own transaction.
 */
public final class RevisionWriter {
    private static final int SLUG_LENGTH = 40;
    private static final String AUTHOR = "auditeng";
    // rows a backfill transaction holds: small enough that a batch's row locks pass unnoticed by the application
    private static final int BACKFILL_BATCH = 1000;

    private final Path folder;
    private final Revisions revisions;

    public RevisionWriter(Path folder, Revisions revisions) {
        this.folder = folder;
        this.revisions = revisions;
    }

    /** The number the next revision gets: one above head, or 0001 in an empty folder. */
    public RevisionId nextId() {
        return revisions.head().map(head -> head.id().next()).orElse(new RevisionId(1));
    }

    /**
     * Writes a revision that changes nothing yet, with an example in comments, and names it the head in
     * {@code head.txt}; returns its path.
     */
    public Path writeTemplate(String message) {
        RevisionId id = nextId();
        StringBuilder text = header(id, message);
        text.append("# Write each change as a change set below, with a 'rollback:' section that undoes it;\n")
                .append("# the change types are listed at https://docs.liquibase.com/change-types/home.html\n")
                .append("databaseChangeLog:\n")
                .append("  # - changeSet:\n")
                .append("  #     id: ").append(id).append("-01-add-column-tasks-priority\n")
                .append("  #     author: ").append(AUTHOR).append('\n')
                .append("  #     changes:\n")
                .append("  #       - addColumn: {tableName: tasks, columns: [{column: {name: priority, ")
                .append("type: INTEGER}}]}\n")
                .append("  #     rollback:\n")
                .append("  #       - dropColumn: {tableName: tasks, columnName: priority}\n");
        Path file = write(id, message, text.toString());
        HeadMarker.write(folder, Revisions.load(folder).head().orElseThrow());
        return file;
    }

    /** Writes the plan's steps as a revision whose phase is read from its statements; returns its path. */
    public Path write(String message, RevisionPlan plan) {
        return write(message, plan, Optional.empty());
    }

    /** Writes the plan's steps as a revision of {@code phase}, labelled so; returns its path. */
    public Path write(String message, RevisionPlan plan, Phase phase) {
        return write(message, plan, Optional.of(phase));
    }

    private Path write(String message, RevisionPlan plan, Optional<Phase> phase) {
        RevisionId id = nextId();
        StringBuilder text = header(id, message);
        text.append("# Written by 'auditeng db revision --autogenerate' from the difference between the entities and\n")
                .append("# the schema the revisions before it build. Review it before you apply it: each change set\n")
                .append("# has the rollback that undoes it, and steps that can lose data are marked DESTRUCTIVE.\n")
                .append("databaseChangeLog:\n");
        List<Change> changes = plan.changes();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            change.destructive().ifPresent(reason -> text.append("  # DESTRUCTIVE: ").append(reason).append('\n'));
            for (LikelyRename rename : plan.likelyRenames()) {
                if (rename.isDropOf(change)) {
                    text.append("  # LIKELY RENAME: ").append(rename.describe().substring("likely rename: ".length()))
                            .append('\n');
                }
            }
            text.append("  - changeSet:\n")
                    .append("      id: ").append(id).append('-').append(String.format("%02d", i + 1)).append('-')
                    .append(LiquibaseChanges.label(change)).append('\n')
                    .append("      author: ").append(AUTHOR).append('\n')
                    .append(labels(phase))
                    .append(comment(MovedColumnChanges.acceptances(change, changes)))
                    .append("      changes:\n");
            change.yaml().forEach(line -> text.append("        ").append(line).append('\n'));
            text.append("      rollback:\n");
            change.inverse().yaml()
                    .forEach(line -> text.append("        ").append(line).append('\n'));
            if (i < changes.size() - 1) {
                text.append('\n');
            }
        }
        return write(id, message, text.toString());
    }

    /**
     * Writes indexes to build with CREATE INDEX CONCURRENTLY, which cannot run inside a transaction: the revision
     * says runInTransaction false, so it is applied on its own and writes to the tables go on meanwhile.
     */
    public Path writeConcurrentIndexes(String message, List<Change.AddIndex> indexes) {
        RevisionId id = nextId();
        StringBuilder text = header(id, message);
        text.append("# Written by 'auditeng db revision --autogenerate': indexes on tables that already hold data are\n")
                .append("# built CONCURRENTLY, outside a transaction, so that writes to the tables are not blocked.\n")
                .append("# If a build fails, PostgreSQL leaves an INVALID index: drop it and upgrade again.\n")
                .append("databaseChangeLog:\n");
        for (int i = 0; i < indexes.size(); i++) {
            Change.AddIndex add = indexes.get(i);
            String name = SqlIdentifier.quote(add.index().name());
            String columns = String.join(", ", add.index().elements());
            text.append("  - changeSet:\n")
                    .append("      id: ").append(id).append('-').append(String.format("%02d", i + 1)).append('-')
                    .append(LiquibaseChanges.label(add)).append('\n')
                    .append("      author: ").append(AUTHOR).append('\n')
                    .append("      runInTransaction: false\n")
                    .append(labels(Optional.of(Phase.EXPAND)))
                    .append("      changes:\n")
                    .append("        - sql: {sql: ").append(LiquibaseChanges.scalar("CREATE " + (add.index().unique()
                            ? "UNIQUE " : "") + "INDEX CONCURRENTLY " + name + " ON " + SqlIdentifier.quote(add.table())
                            + " (" + columns + ")")).append("}\n")
                    .append("      rollback:\n")
                    .append("        - sql: {sql: ").append(LiquibaseChanges.scalar("DROP INDEX CONCURRENTLY " + name))
                    .append("}\n").append(i < indexes.size() - 1 ? "\n" : "");
        }
        return write(id, message, text.toString());
    }

    /**
     * Writes a backfill: one {@code update} outside a transaction, which {@code db upgrade} runs in batches by primary
     * key, each batch a transaction of its own. Its rollback does nothing: the revision before it adds the column, and
     * that revision's rollback drops it with what was filled.
     */
    public Path writeBackfill(String message, ColumnFill fill) {
        RevisionId id = nextId();
        StringBuilder text = header(id, message);
        text.append("# Written by 'auditeng db revision --autogenerate': ").append(fill.why()).append(".\n")
                .append("# Only the rows there when it starts are filled; the revision before it covers later writes.\n")
                .append("# An interrupted run resumes after its last committed batch; 'batch=' and 'pause=' tune it.\n")
                .append("databaseChangeLog:\n")
                .append("  - changeSet:\n")
                .append("      id: ").append(id).append("-backfill-").append(fill.table()).append('-')
                .append(fill.column()).append('\n')
                .append("      author: ").append(AUTHOR).append('\n')
                .append("      runInTransaction: false\n")
                .append(labels(Optional.of(Phase.EXPAND)))
                .append("      comment: backfill batch=").append(BACKFILL_BATCH).append('\n')
                .append("      changes:\n")
                .append("        - update:\n")
                .append("            tableName: ").append(LiquibaseChanges.scalar(fill.table())).append('\n')
                .append("            columns:\n")
                .append("              - column: {name: ").append(LiquibaseChanges.scalar(fill.column()))
                .append(", valueComputed: ").append(LiquibaseChanges.scalar(fill.value())).append("}\n")
                .append("            where: ").append(LiquibaseChanges.scalar(fill.where())).append('\n')
                .append("      rollback:\n")
                .append("        - empty: {}\n");
        return write(id, message, text.toString());
    }

    /** Refuses a message with no letters or digits, which could not name the file. */
    public static void requireWords(String message) {
        fileName(new RevisionId(1), message);
    }

    /** The file name of revision {@code id} for {@code message}: {@code NNNN_} and the message's words. */
    public static String fileName(RevisionId id, String message) {
        String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH).replaceAll("_+$", "");
        }
        if (slug.isEmpty()) {
            throw new UsageException("the message '" + message + "' has no letters or digits to name the file; "
                    + "say what the revision does, e.g. -m \"add task priority\"");
        }
        return id + "_" + slug + ".yaml";
    }

    private static StringBuilder header(RevisionId id, String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return new StringBuilder("# Revision ").append(fileName(id, message).replaceAll("\\.yaml$", ""))
                .append(": ").append(oneLine).append('\n');
    }

    private static String comment(List<String> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("      comment: |-\n");
        lines.forEach(line -> text.append("        ").append(line).append('\n'));
        return text.toString();
    }

    private static String labels(Optional<Phase> phase) {
        return phase.map(named -> "      labels: " + named.label() + "\n").orElse("");
    }

    private Path write(RevisionId id, String message, String text) {
        Path file = folder.resolve(fileName(id, message));
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new ConfigurationException("revision file " + file + " already exists; another revision was written "
                    + "at the same time, run the command again", e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write " + file + " (" + e.getMessage() + "); check that the "
                    + "migrations folder is writable", e);
        }
    }
}
