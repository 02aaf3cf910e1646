package com.auditeng.db;

import com.auditeng.db.config.FileTree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Where the tests' servers keep their data: in memory (/dev/shm) when it has room, else in the system's temporary
 * folder. The suite creates and drops hundreds of databases of some 300 files each, and on ext4 the kernel spent more
 * time allocating and freeing those files' inodes than PostgreSQL spent on its statements: the unit tests took 76
 * instead of 105 to 118 s on two cores once their servers kept their data in memory. They held 2.4 GB at the most in
 * a run, for its JVMs together (sampled every 5 s), so memory is used only where both it and /dev/shm have 8 GB
 * free; {@code -Dauditeng.test.server-folder=DIR} puts the data elsewhere.
 */
final class ServerFolders {
    private static final Path MEMORY = Path.of("/dev/shm");
    // the room a run needs there, with a margin for the rest of the machine: less, and the data stays on disk
    private static final long ROOM = 8L << 30;
    private static final String PREFIX = "auditeng-test-";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Path parent;

    private ServerFolders() {
    }

    /** A new, empty folder for one server's data; the server deletes it as it stops. */
    static synchronized Path next() {
        if (parent == null) {
            parent = parent();
        }
        try {
            return Files.createDirectory(parent.resolve(PREFIX + ProcessHandle.current().pid() + "-"
                    + COUNTER.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data folder for a test server in " + parent, e);
        }
    }

    private static Path parent() {
        String chosen = System.getProperty("auditeng.test.server-folder", "");
        if (!chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        removeThoseOfEndedRuns(temporary);
        if (!Files.isDirectory(MEMORY) || !Files.isWritable(MEMORY)) {
            return temporary;   // not Linux
        }
        removeThoseOfEndedRuns(MEMORY);
        try {
            // what is kept there takes memory, which must have room too
            FileStore store = Files.getFileStore(MEMORY);
            return store.getUsableSpace() >= ROOM && availableMemory() >= ROOM ? MEMORY : temporary;
        } catch (IOException e) {
            return temporary;
        }
    }

    private static long availableMemory() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemAvailable:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024).findFirst().orElse(0L);
        }
    }

    // a JVM killed before its shutdown hook leaves its servers' data behind, which in memory stays until a reboot
    private static void removeThoseOfEndedRuns(Path parent) {
        try (Stream<Path> folders = Files.list(parent)) {
            folders.filter(folder -> folder.getFileName().toString().startsWith(PREFIX))
                    .filter(folder -> !ownerRuns(folder.getFileName().toString()))
                    .forEach(FileTree::deleteQuietly);   // another run's cleaning may get there first
        } catch (IOException e) {
            // what cannot be listed cannot be removed either; the new folder is what matters
        }
    }

    private static boolean ownerRuns(String name) {
        String pid = name.substring(PREFIX.length()).split("-")[0];
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;   // not one of ours: left alone
        }
    }
}
