package com.auditeng.db.config;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of entries that the program could compute again but keeps to save time: compiled revisions, the
 * entities' DDL, a new PostgreSQL cluster. Each entry is named by a digest of what it was computed from, so an entry
 * that exists is right for whoever asks by that name, as long as the code that computed it is the same: the folder is
 * kept beside the jar that holds that code, one subfolder per build of the jar.
 *
 * <p>Nothing here is ever needed: an entry that cannot be read or written is computed again.
 */
public final class CacheFolder {
    /**
     * The system property naming where the processes of one run that do not run from a jar keep their caches,
     * shared by them: the test suite, whose JVMs compute the same entries hundreds of times. The folder must be the
     * run's own (the build names it by the run's start): the classes may change from one run to the next.
     */
    public static final String RUN_FOLDER_PROPERTY = "auditeng.revision-cache";

    /** No cache: every entry is computed again. */
    private static final CacheFolder NONE = new CacheFolder(Optional.empty(), false);

    private final Optional<Path> folder;
    private final boolean replacesOthers;

    /** @param replacesOthers whether the folders beside this one are other jars' caches, removed when it is made */
    private CacheFolder(Optional<Path> folder, boolean replacesOthers) {
        this.folder = folder;
        this.replacesOthers = replacesOthers;
    }

    /**
     * The cache {@code name} for the jar that holds {@code code}: {@code <jar's folder>/<name>/<size>-<modified>}.
     * Outside a jar (the classes folder of a build) the classes may change from one run to the next, so no entry
     * may outlive the run: without {@value #RUN_FOLDER_PROPERTY}, nothing is cached.
     */
    public static CacheFolder besideJar(Class<?> code, String name) {
        String runFolder = System.getProperty(RUN_FOLDER_PROPERTY, "");
        if (!runFolder.isBlank()) {
            // shared by the run's JVMs: an entry is written aside and moved into place, so none reads half of one
            return new CacheFolder(Optional.of(Path.of(runFolder).resolve(name)), false);
        }
        CodeSource source = code.getProtectionDomain().getCodeSource();
        if (source == null) {
            return NONE;   // a class of the runtime itself, or one defined without a location
        }
        try {
            Path codeSource = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(codeSource)) {
                return NONE;
            }
            String jarStamp = Files.size(codeSource) + "-" + Files.getLastModifiedTime(codeSource).toMillis();
            return in(codeSource.resolveSibling(name).resolve(jarStamp));
        } catch (IOException | URISyntaxException | SecurityException e) {
            return NONE;
        }
    }

    /** A cache in {@code folder}; the folders beside it are taken for other jars' caches, and removed. */
    public static CacheFolder in(Path folder) {
        return new CacheFolder(Optional.of(folder), true);
    }

    /** The entry {@code key}, when there is one. */
    public Optional<byte[]> read(String key) {
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path entry = folder.get().resolve(key);
        try {
            return Files.exists(entry) ? Optional.of(Files.readAllBytes(entry)) : Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code bytes} as the entry {@code key}; a reader at the same time sees the old entry or the new. */
    public void write(String key, byte[] bytes) {
        if (folder.isEmpty()) {
            return;
        }
        try {
            prepare();
            // written aside and moved, so a concurrent reader never sees half an entry
            Path partial = Files.createTempFile(folder.get(), "entry", ".partial");
            Files.write(partial, bytes);
            Files.move(partial, folder.get().resolve(key), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // a cache that cannot be written only costs time
        }
    }

    /** The folder entry {@code key}, when there is one: its files are read, never changed. */
    public Optional<Path> readFolder(String key) {
        return folder.map(path -> path.resolve(key)).filter(Files::isDirectory);
    }

    /** Removes the folder entry {@code key}, found wrong by its reader; a later write keeps a new one. */
    public void removeFolder(String key) {
        Optional<Path> entry = readFolder(key);
        if (entry.isEmpty()) {
            return;
        }
        try {
            // renamed first, so that no reader finds it half deleted under its name
            Path removed = Files.createTempDirectory(folder.get(), "removed").resolve(key);
            Files.move(entry.get(), removed, StandardCopyOption.ATOMIC_MOVE);
            FileTree.deleteQuietly(removed.getParent());
        } catch (IOException | RuntimeException e) {
            // another reader removed it first, or it stays wrong: its reader falls back each time
        }
    }

    /**
     * Keeps a folder as the entry {@code key}, unless there is one: {@code fill} writes its files into the empty
     * folder it is given, which becomes the entry once filled. A reader never sees half an entry.
     */
    public void writeFolder(String key, FolderFiller fill) {
        if (folder.isEmpty() || readFolder(key).isPresent()) {
            return;
        }
        Path partial = null;
        try {
            prepare();
            partial = Files.createTempDirectory(folder.get(), "entry");
            fill.fill(partial);
            // a rename: it fails, leaving the first one in place, when another process kept the entry meanwhile
            Files.move(partial, folder.get().resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs time, whatever stopped it
        } finally {
            if (partial != null) {
                FileTree.deleteQuietly(partial);   // gone once moved into place
            }
        }
    }

    /** Writes a folder entry's files. */
    @FunctionalInterface
    public interface FolderFiller {
        void fill(Path folder) throws IOException;
    }

    private void prepare() throws IOException {
        if (!Files.isDirectory(folder.get())) {
            Files.createDirectories(folder.get());
            if (replacesOthers) {
                removeOtherJarsEntries();
            }
        }
    }

    private void removeOtherJarsEntries() throws IOException {
        try (Stream<Path> stale = Files.list(folder.get().getParent())) {
            for (Path old : stale.filter(path -> !path.equals(folder.get())).toList()) {
                FileTree.delete(old);
            }
        }
    }

    /** Writes {@code text} into an entry as {@link #readText} reads it. */
    public static void writeText(DataOutputStream out, String text) throws IOException {
        // not writeUTF, which stops at 64 KB: a data migration's SQL may be longer
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #writeText} wrote; a length the entry cannot hold (a damaged entry) is an IOException. */
    public static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a text of " + length + " bytes where " + in.available() + " are left");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
