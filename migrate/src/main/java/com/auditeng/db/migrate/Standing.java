package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a database stands against one folder of revisions: how many of them are applied, and which applied
 * revisions are newer than the folder's head.
 *
 * <p>A database ahead of the folder is what an older application version finds during a rolling deploy, or after
 * its own rollback: the new version applied revisions this one has no files for. That is fine while every newer
 * revision is an expand revision, which only adds; a contract revision (or one recorded before phases were kept)
 * may have removed what this version uses.
 *
 * @param position the index of the newest applied revision of the folder, or {@link Target#BASE_POSITION}
 * @param newer    applied revisions past the folder's head, oldest first; all expand revisions
 */
record Standing(int position, List<AppliedRevision> newer) {

    Standing {
        newer = List.copyOf(newer);
    }

    /**
     * Reads the applied rows against {@code revisions}; gaps, strangers and newer contract revisions are errors, and
     * whether applied files were edited since is left to {@link #edits}.
     */
    static Standing of(List<AppliedRevision> applied, Revisions revisions) {
        int known = applied.size();
        Optional<RevisionId> head = revisions.head().map(RevisionFile::id);
        while (known > 0 && !revisions.contains(applied.get(known - 1).id())
                && (head.isEmpty() || applied.get(known - 1).id().compareTo(head.get()) > 0)) {
            known--;
        }
        List<AppliedRevision> newer = applied.subList(known, applied.size());
        for (int i = 0; i < known; i++) {
            RevisionId id = applied.get(i).id();
            if (!revisions.contains(id)) {
                throw new ConfigurationException("the database has revision " + id + " applied, which is not in "
                        + revisions.location() + "; run with the migrations that built this database");
            }
            if (revisions.indexOf(id) != i) {
                RevisionId missing = revisions.all().get(i).id();
                throw new ConfigurationException("revision " + missing + " is not applied but the later " + id
                        + " is; renumber " + revisions.get(missing).fileName() + " after " + head.orElseThrow());
            }
        }
        List<AppliedRevision> breaking = newer.stream().filter(row -> !row.keepsOlderVersionsWorking()).toList();
        if (!breaking.isEmpty()) {
            AppliedRevision first = breaking.get(0);
            throw new ConfigurationException("the database has revision " + first.id() + " (" + first.message() + ") "
                    + first.phase().map(phase -> "a " + phase.label() + " revision").orElse("of an unknown phase")
                    + " applied, newer than the head " + head.map(Object::toString).orElse("(none)") + " of "
                    + revisions.location() + ", and this version may not work on it; run the version that has "
                    + first.id() + ", or downgrade the database with it");
        }
        return new Standing(known - 1, newer);
    }

    boolean isAhead() {
        return !newer.isEmpty();
    }

    /** The newest applied revision, known to the folder or not; empty when none is applied. */
    Optional<RevisionId> current(Revisions revisions) {
        if (isAhead()) {
            return Optional.of(newer.get(newer.size() - 1).id());
        }
        return position < 0 ? Optional.empty() : Optional.of(revisions.all().get(position).id());
    }

    /** {@code 0003 add reviewer, 0004 add priority}. */
    String describeNewer() {
        return newer.stream().map(row -> row.id() + " " + row.message()).collect(Collectors.joining(", "));
    }

    /**
     * Whether the folder's files of the applied revisions are what ran: empty when they are, else one line naming
     * the edited files (or the revision that took an applied one's number) and the fix. Reported, never re-run.
     */
    Optional<String> edits(List<AppliedRevision> applied, Revisions revisions) {
        List<AppliedRevision> known = applied.subList(0, position + 1);
        for (AppliedRevision row : known) {
            RevisionFile file = revisions.get(row.id());
            if (!file.checksum().equals(row.checksum()) && !file.message().equals(row.message())) {
                // not an edit: another revision took the number, as when two branches both wrote 0002
                String appliedName = row.fileStem();
                return Optional.of("the database applied " + appliedName + ", but the folder's " + row.id()
                        + " is " + file.stem() + "; downgrade the database with the "
                        + "branch that has " + appliedName + " checked out, or renumber one of the two revisions "
                        + "after the other");
            }
        }
        List<String> edited = known.stream()
                .filter(row -> !revisions.get(row.id()).checksum().equals(row.checksum()))
                .map(row -> revisions.get(row.id()).fileName())
                .toList();
        if (edited.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("applied revision " + String.join(", ", edited) + (edited.size() == 1 ? " was" : " were")
                + " edited after being applied (checksum differs); restore the file as it was applied (e.g. git "
                + "checkout), or undo the edit and put the change in a new revision (db revision -m ...)");
    }
}
