package com.auditeng.db.migrate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compiled revisions kept on disk beside the jar, keyed by the checksum of the revision file and by the jar itself.
 *
 * <p>Starting Liquibase and parsing YAML costs most of a short command's time, while a revision file that is
 * unchanged compiles to the same statements every time; a rebuilt jar (a possibly different compiler) starts a
 * fresh cache. When the program does not run from a jar (unless a folder for the run is named, see
 * {@link #forThisRun()}), or the folder is not writable, nothing is cached.
 */
final class CompiledRevisionCache {
    private static final ObjectInputFilter STEP_TYPES = ObjectInputFilter.Config.createFilter(
            "maxdepth=12;com.auditeng.db.migrate.Step;com.auditeng.db.migrate.Operation$*;java.util.ArrayList;"
                    + "java.util.ImmutableCollections$*;java.util.CollSer;java.lang.Enum;java.lang.String;"
                    // the Object[] inside ArrayList and List.of's serial form is checked as java.lang.Object
                    + "java.lang.Object;!*");
    /** The system property naming where a process that does not run from a jar keeps its cache. */
    static final String RUN_FOLDER_PROPERTY = "auditeng.revision-cache";
    private final Optional<Path> folder;

    private CompiledRevisionCache(Optional<Path> folder) {
        this.folder = folder;
    }

    static CompiledRevisionCache besideJar() {
        if (!System.getProperty(RUN_FOLDER_PROPERTY, "").isBlank()) {
            return forThisRun();   // asked for by the test suite, whose runs share the modules' jars
        }
        try {
            Path codeSource = Path.of(CompiledRevisionCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(codeSource)) {
                return forThisRun();
            }
            String jarStamp = Files.size(codeSource) + "-" + Files.getLastModifiedTime(codeSource).toMillis();
            return in(codeSource.resolveSibling("revision-cache").resolve(jarStamp));
        } catch (IOException | URISyntaxException | SecurityException e) {
            return new CompiledRevisionCache(Optional.empty());
        }
    }

    /**
     * Outside a jar (the classes folder of a build), the classes may change from one run to the next, so no entry
     * may outlive the process; the test suite, which compiles the same revisions hundreds of times in one process,
     * names a folder with {@value #RUN_FOLDER_PROPERTY} and gets a cache of its own run.
     */
    private static CompiledRevisionCache forThisRun() {
        String folder = System.getProperty(RUN_FOLDER_PROPERTY, "");
        return folder.isBlank() ? new CompiledRevisionCache(Optional.empty())
                : in(Path.of(folder).resolve("run-" + ProcessHandle.current().pid()));
    }

    /** A cache in {@code folder}; the folders beside it are taken for other jars' caches, and removed. */
    static CompiledRevisionCache in(Path folder) {
        return new CompiledRevisionCache(Optional.of(folder));
    }

    Optional<CompiledRevision> read(RevisionFile file) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path entry = entry(file);
        if (!Files.exists(entry)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(entry)))) {
            boolean transactional = in.readBoolean();
            Optional<String> irreversible = in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
            List<Step> upgrade = readSteps(in);
            List<Step> downgrade = readSteps(in);
            Phase phase = Phase.valueOf(readString(in));
            Optional<Backfill> backfill = in.readBoolean() ? Optional.of(new Backfill(readString(in), readString(in),
                    in.readBoolean() ? Optional.of(readString(in)) : Optional.empty(), in.readInt(),
                    Duration.ofMillis(in.readLong()))) : Optional.empty();
            return Optional.of(new CompiledRevision(file, upgrade, downgrade, transactional, irreversible, phase,
                    backfill));
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            return Optional.empty();   // a damaged entry is compiled again and overwritten
        }
    }

    void write(CompiledRevision revision) {
        if (folder.isEmpty()) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeBoolean(revision.transactional());
                out.writeBoolean(revision.irreversible().isPresent());
                if (revision.irreversible().isPresent()) {
                    writeString(out, revision.irreversible().get());
                }
                writeSteps(out, revision.upgradeSteps());
                writeSteps(out, revision.downgradeSteps());
                writeString(out, revision.phase().name());
                out.writeBoolean(revision.backfill().isPresent());
                if (revision.backfill().isPresent()) {
                    Backfill backfill = revision.backfill().get();
                    writeString(out, backfill.table());
                    writeString(out, backfill.assignments());
                    out.writeBoolean(backfill.where().isPresent());
                    if (backfill.where().isPresent()) {
                        writeString(out, backfill.where().get());
                    }
                    out.writeInt(backfill.batchSize());
                    out.writeLong(backfill.pause().toMillis());
                }
            }
            Path target = entry(revision.file());
            if (!Files.isDirectory(folder.get())) {
                Files.createDirectories(folder.get());
                removeOtherJarsEntries();
            }
            // written aside and moved, so a concurrent reader never sees half an entry
            Path partial = Files.createTempFile(folder.get(), "entry", ".partial");
            Files.write(partial, bytes.toByteArray());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // a cache that cannot be written only costs time
        }
    }

    private void removeOtherJarsEntries() throws IOException {
        try (Stream<Path> stale = Files.list(folder.get().getParent())) {
            for (Path old : stale.filter(path -> !path.equals(folder.get())).toList()) {
                try (Stream<Path> entries = Files.walk(old)) {
                    for (Path path : entries.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    private Path entry(RevisionFile file) {
        return folder.orElseThrow().resolve(file.checksum());
    }

    // Steps are records of strings, lists and enums: Java serialization rebuilds records through their
    // constructors, and the filter admits nothing but those types, so an entry cannot name another class.
    private static void writeSteps(DataOutputStream out, List<Step> steps) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(new ArrayList<>(steps));
        }
        out.writeInt(bytes.size());
        out.write(bytes.toByteArray());
    }

    private static List<Step> readSteps(DataInputStream in) throws IOException, ClassNotFoundException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            objects.setObjectInputFilter(STEP_TYPES);
            List<?> read = (List<?>) objects.readObject();
            return read.stream().map(Step.class::cast).toList();
        }
    }

    // writeUTF stops at 64 KB; a data migration's SQL may be longer
    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
