package com.auditeng.db.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A new PostgreSQL cluster, as initdb leaves it, kept in the cache beside the program's jars so that the first command
 * in a new home folder copies it instead of running initdb again: {@code db current} there took 1.5 s with initdb,
 * 1.1 s on a copy, and 1.9 s where it keeps the template.
 *
 * <p>A copy is what initdb would have written, as long as initdb would have run with the same binaries, on the same
 * machine (it sizes {@code shared_buffers} and {@code max_connections} by trying them), for the same user, and with
 * the same locale and time zone, which it reads from the environment and writes into the cluster. The cache is per
 * build of the embedded module's jar, and on the machine that runs it; the entry's name is a digest of the rest. A
 * template that does not start (binaries of another build beside the same jar, a file system that loses permissions)
 * is discarded, and initdb runs. Copies share the cluster's system identifier, which only replication reads.
 */
final class ClusterTemplate {
    // zonky's lock file, written into the data folder before its customizer runs: each server has its own
    private static final String ZONKY_LOCK = "epg-lock";

    private final CacheFolder cache;
    private final String key;

    private ClusterTemplate(CacheFolder cache, String key) {
        this.cache = cache;
        this.key = key;
    }

    /** The template for this user, locale and time zone, in the cache of this jar. */
    static ClusterTemplate forThisEnvironment() {
        return in(CacheFolder.besideJar(ClusterTemplate.class, "cluster-cache"));
    }

    /** The template for this user, locale and time zone, in {@code cache}. */
    static ClusterTemplate in(CacheFolder cache) {
        return new ClusterTemplate(cache,
                key(System.getProperty("user.name", ""), ZoneId.systemDefault().getId(), System.getenv()));
    }

    /** The digest naming the template: of what initdb reads from its environment besides the binaries. */
    static String key(String user, String zone, Map<String, String> environment) {
        Map<String, String> read = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.equals("LANG") || name.startsWith("LC_") || name.equals("TZ") || name.equals("PGTZ")) {
                read.put(name, value);
            }
        });
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((user + "\n" + zone + "\n" + read).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Copies the template into {@code data}, which must not exist yet; false, with nothing written, when there is no
     * template or it cannot be copied: initdb then makes the cluster.
     */
    boolean copyTo(Path data) {
        Path template = kept().orElse(null);
        if (template == null || Files.exists(data, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        // copied aside and renamed, so that a copy cut short (Ctrl-C, kill) leaves no half cluster to start
        Path partial = data.resolveSibling(data.getFileName() + ".copying");
        try {
            FileTree.delete(partial);
            FileTree.copy(template, partial, file -> false);
            Files.move(partial, data, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            FileTree.deleteQuietly(partial);   // or the next copy does: initdb writes into data, not here
            return false;
        }
    }

    /** The template's folder, when one is kept. */
    Optional<Path> kept() {
        return cache.readFolder(key);
    }

    /** Removes the template, which did not start; the next initdb keeps another. */
    void discard() {
        cache.removeFolder(key);
    }

    /** Keeps the cluster initdb has just made in {@code data}, unless a template is kept already. */
    void keep(Path data) {
        cache.writeFolder(key, folder -> FileTree.copy(data, folder,
                file -> file.getFileName().toString().equals(ZONKY_LOCK)));
    }
}
