package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The committed file {@code head.txt} of a migrations folder, naming its head revision ({@code 0002_add_task_priority}).
 *
 * <p>Two branches that each add revision 0002 add two different files, which git merges without a word; the deploy
 * then stops on two revisions numbered 0002. Both branches also rewrite this one line, which git cannot merge: the
 * conflict shows at the merge, where it is cheap. {@code db revision} writes it, {@code db check} compares it with the
 * folder. (django-linear-migrations' {@code max_migration.txt} works the same way.)
 */
public final class HeadMarker {
    public static final String FILE_NAME = "head.txt";

    private HeadMarker() {
    }

    /** Names {@code head} in the folder's marker. */
    public static void write(Path folder, RevisionFile head) {
        try {
            Files.writeString(folder.resolve(FILE_NAME), head.stem() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("cannot write " + folder.resolve(FILE_NAME) + " (" + e.getMessage()
                    + "); check that the migrations folder is writable", e);
        }
    }

    /** Why the marker and the folder disagree; empty when they agree or the folder has no marker yet. */
    public static Optional<String> disagreement(Path folder, Revisions revisions) {
        Path marker = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        String named;
        try {
            named = Files.readString(marker, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return Optional.of("cannot read " + marker + " (" + e.getMessage() + "); check its permissions, or "
                    + "write the head revision's name into it (such as 0002_add_task_priority)");
        }
        if (named.contains("<<<<<<<") || named.contains(">>>>>>>")) {
            return Optional.of(marker + " holds a merge conflict: two branches each added a revision; renumber this "
                    + "branch's revisions after the other's, then write the new head's name into " + FILE_NAME);
        }
        String head = revisions.head().map(RevisionFile::stem).orElse("");
        if (named.equals(head)) {
            return Optional.empty();
        }
        return Optional.of(marker + " names " + (named.isEmpty() ? "no revision" : named) + " but the folder's head is "
                + (head.isEmpty() ? "none" : head) + "; a revision was added or removed without 'db revision', or a merge "
                + "took one side: write the folder's head into " + FILE_NAME + " once the revisions are in order");
    }
}
