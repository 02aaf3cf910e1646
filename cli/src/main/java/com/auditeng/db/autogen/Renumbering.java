package com.auditeng.db.autogen;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.UsageException;
import com.auditeng.db.migrate.HeadMarker;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.RevisionId;
import com.auditeng.db.migrate.Revisions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Moves a branch's revisions after everything else in a migrations folder, as after a merge in which another branch
 * took their numbers: each file is renamed, and the revision's number is rewritten where the revision names itself
 * (its header comment, its change set ids, and the no-op {@code tagDatabase} that older revisions end with), never
 * elsewhere in its SQL. The folder may hold two revisions of one number while this runs, which every other command
 * refuses.
 */
public final class Renumbering {
    private final Path folder;

    public Renumbering(Path folder) {
        this.folder = folder;
    }

    /** The new name of each of {@code fileNames}, in their order, after the highest revision not among them. */
    public Map<String, String> plan(List<String> fileNames) {
        List<String> all = revisionFiles();
        for (String name : fileNames) {
            if (!all.contains(name)) {
                throw new UsageException("no revision file " + name + " in " + folder + "; name this branch's "
                        + "revisions as their files are called, e.g. 0002_add_reviewer.yaml");
            }
        }
        int base = all.stream().filter(name -> !fileNames.contains(name))
                .mapToInt(name -> RevisionFile.idOf(name).orElseThrow().number()).max().orElse(0);
        Map<String, String> renames = new LinkedHashMap<>();
        int next = base;
        for (String name : fileNames.stream().sorted().toList()) {
            next++;
            renames.put(name, new RevisionId(next) + name.substring(4));
        }
        return renames;
    }

    /** Carries out {@link #plan}: renames and rewrites the files, then names the new head in {@code head.txt}. */
    public void apply(Map<String, String> renames) {
        try {
            for (Map.Entry<String, String> rename : renames.entrySet()) {
                String from = rename.getKey().substring(0, 4);
                String to = rename.getValue().substring(0, 4);
                Path source = folder.resolve(rename.getKey());
                String text = rewrite(Files.readString(source, StandardCharsets.UTF_8), from, to);
                Files.writeString(folder.resolve(rename.getValue()), text, StandardCharsets.UTF_8);
                if (!rename.getKey().equals(rename.getValue())) {
                    Files.delete(source);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot rewrite the revisions in " + folder + " (" + e.getMessage()
                    + "); check that the folder is writable", e);
        }
        Revisions revisions = Revisions.load(folder);
        revisions.head().ifPresent(head -> HeadMarker.write(folder, head));
    }

    /**
     * Where a revision names its number: the header comment, change set ids ({@code 0002-...}) and, in an older
     * revision, its tag.
     */
    static String rewrite(String text, String from, String to) {
        String quoted = Pattern.quote(from);
        return text
                .replaceAll("(?m)^(# Revision )" + quoted + "(_)", "$1" + to + "$2")
                .replaceAll("(?m)^(\\s*-?\\s*id:\\s*[\"']?)" + quoted + "(\\b)", "$1" + to + "$2")
                .replaceAll("(?m)^(\\s*tag:\\s*[\"']?)" + quoted + "([\"']?\\s*)$", "$1" + to + "$2");
    }

    private List<String> revisionFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = new ArrayList<>();
            files.map(path -> path.getFileName().toString()).filter(RevisionFile::isRevisionName).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the migrations folder " + folder + " (" + e.getMessage()
                    + "); check its permissions", e);
        }
    }
}
