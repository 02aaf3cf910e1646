package com.auditeng.db.config;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copies and deletes folders with everything in them; links are copied as links and never followed. */
public final class FileTree {
    private FileTree() {
    }

    /**
     * Copies the folder {@code from} into {@code to}, which is created unless it exists, leaving out the files
     * {@code leaveOut} accepts. Files keep their permissions and times, folders their permissions, where the file
     * system keeps permissions.
     */
    public static void copy(Path from, Path to, Predicate<Path> leaveOut) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(folder).toString());
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectory(target);
                }
                if (Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(target,
                            Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!leaveOut.test(file)) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code tree} and everything in it; nothing when it does not exist. */
    public static void delete(Path tree) throws IOException {
        if (!Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** As {@link #delete}, for a tree whose removal is only tidying: what cannot be deleted is left. */
    public static void deleteQuietly(Path tree) {
        try {
            delete(tree);
        } catch (IOException | RuntimeException e) {
            // left behind: in a temporary folder, or removed with the next cleaning
        }
    }
}
