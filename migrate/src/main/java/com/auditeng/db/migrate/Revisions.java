package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The ordered revisions of one migrations folder, checked for duplicate numbers. */
public final class Revisions {
    public static final String BUNDLED_FOLDER = "db/migrations";

    private final String location;
    private final List<RevisionFile> files;
    private final Map<RevisionId, Integer> positions = new HashMap<>();   // lookups stay O(1) at thousands of revisions

    public Revisions(String location, List<RevisionFile> files) {
        this.location = location;
        this.files = files.stream().sorted(Comparator.comparing(RevisionFile::id)).toList();
        for (int i = 0; i < this.files.size(); i++) {
            positions.putIfAbsent(this.files.get(i).id(), i);
        }
        for (int i = 1; i < this.files.size(); i++) {
            RevisionFile previous = this.files.get(i - 1);
            RevisionFile file = this.files.get(i);
            if (previous.id().equals(file.id())) {
                throw new ConfigurationException("two revisions are numbered " + file.id() + " in " + location + ": "
                        + previous.fileName() + " and " + file.fileName()
                        + "; renumber one of them after the other (the newer one becomes " + last().id().next() + ")");
            }
        }
    }

    /**
     * The revision files in a folder. A file that looks like a revision but is not named {@code NNNN_slug.yaml} is an
     * error; other files (a README, {@code .gitkeep}) are ignored.
     */
    public static Revisions load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigurationException("migrations folder " + folder + " does not exist; create it, or point "
                    + "--migrations (AUDITENG_MIGRATIONS) at the folder holding the NNNN_slug.yaml revisions");
        }
        try (Stream<Path> paths = Files.list(folder)) {
            List<RevisionFile> files = new ArrayList<>();
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = path.getFileName().toString();
                if (RevisionFile.looksLikeRevision(name)) {
                    throw new ConfigurationException("file " + name + " in " + folder + " looks like a revision but "
                            + "is not named NNNN_slug.yaml (four digits, an underscore, letters, digits or underscores, "
                            + "then .yaml or .yml); rename it, or move it out of the migrations folder");
                }
                if (RevisionFile.isRevisionName(name)) {
                    files.add(new RevisionFile(RevisionFile.idOf(name).orElseThrow(), name,
                            Files.readString(path, StandardCharsets.UTF_8)));
                }
            }
            return new Revisions(folder.toString(), files);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the migrations folder " + folder + " (" + e.getMessage()
                    + "); check its permissions", e);
        }
    }

    /** The revisions packaged with the program (from its jar, or from the classes folder in a build). */
    public static Revisions bundled() {
        try {
            Path codeSource = Path.of(Revisions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(codeSource)) {
                return load(codeSource.resolve(BUNDLED_FOLDER));
            }
            return loadFromJar(codeSource);
        } catch (IOException | URISyntaxException e) {
            throw new ConfigurationException("cannot read the revisions packaged with auditeng (" + e.getMessage()
                    + "); point --migrations at a migrations folder", e);
        }
    }

    // The entries are read with ZipFile, which shares the central directory the class loader has already read for
    // this jar; mounting the jar as a file system (jdk.nio.zipfs) costs a module's worth of classes and a second read.
    private static Revisions loadFromJar(Path jar) throws IOException {
        String prefix = BUNDLED_FOLDER + "/";
        List<RevisionFile> files = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().substring(Math.min(prefix.length(), entry.getName().length()));
                if (entry.isDirectory() || !entry.getName().startsWith(prefix) || name.contains("/")
                        || !RevisionFile.isRevisionName(name)) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    files.add(new RevisionFile(RevisionFile.idOf(name).orElseThrow(), name,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return new Revisions(jar + "!/" + BUNDLED_FOLDER, files);
    }

    public String location() {
        return location;
    }

    public List<RevisionFile> all() {
        return files;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public Optional<RevisionFile> head() {
        return files.isEmpty() ? Optional.empty() : Optional.of(last());
    }

    public boolean isHead(RevisionId id) {
        return head().map(head -> head.id().equals(id)).orElse(false);
    }

    /** The position of a revision in order, 0 for the first; a revision not in this folder is a usage error. */
    public int indexOf(RevisionId id) {
        Integer position = positions.get(id);
        if (position == null) {
            throw new UsageException("unknown revision " + id + "; 'db history' lists the revisions in " + location);
        }
        return position;
    }

    public boolean contains(RevisionId id) {
        return positions.containsKey(id);
    }

    public RevisionFile get(RevisionId id) {
        return files.get(indexOf(id));
    }

    private RevisionFile last() {
        return files.get(files.size() - 1);
    }
}
