package com.auditeng.db.migrate;

import com.auditeng.db.config.CacheFolder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Compiled revisions kept on disk beside the jar, keyed by the checksum of the revision file and by the jar itself.
 *
 * <p>Starting Liquibase and parsing YAML costs most of a short command's time, while a revision file that is
 * unchanged compiles to the same statements every time; a rebuilt jar (a possibly different compiler) starts a
 * fresh cache (see {@link CacheFolder}).
 */
final class CompiledRevisionCache {
    private final CacheFolder folder;

    private CompiledRevisionCache(CacheFolder folder) {
        this.folder = folder;
    }

    static CompiledRevisionCache besideJar() {
        return new CompiledRevisionCache(CacheFolder.besideJar(CompiledRevisionCache.class, "revision-cache"));
    }

    /** A cache in {@code folder}; the folders beside it are taken for other jars' caches, and removed. */
    static CompiledRevisionCache in(Path folder) {
        return new CompiledRevisionCache(CacheFolder.in(folder));
    }

    Optional<CompiledRevision> read(RevisionFile file) {
        Optional<byte[]> entry = folder.read(file.checksum());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry.get()))) {
            boolean transactional = in.readBoolean();
            Optional<String> irreversible = in.readBoolean() ? Optional.of(CacheFolder.readText(in)) : Optional.empty();
            List<Step> upgrade = StepFormat.read(in);
            List<Step> downgrade = StepFormat.read(in);
            Phase phase = Phase.valueOf(CacheFolder.readText(in));
            Optional<Backfill> backfill = in.readBoolean() ? Optional.of(new Backfill(CacheFolder.readText(in), CacheFolder.readText(in),
                    in.readBoolean() ? Optional.of(CacheFolder.readText(in)) : Optional.empty(), in.readInt(),
                    Duration.ofMillis(in.readLong()))) : Optional.empty();
            return Optional.of(new CompiledRevision(file, upgrade, downgrade, transactional, irreversible, phase,
                    backfill));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // a damaged entry is compiled again and overwritten
        }
    }

    void write(CompiledRevision revision) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeBoolean(revision.transactional());
                out.writeBoolean(revision.irreversible().isPresent());
                if (revision.irreversible().isPresent()) {
                    CacheFolder.writeText(out, revision.irreversible().get());
                }
                StepFormat.write(out, revision.upgradeSteps());
                StepFormat.write(out, revision.downgradeSteps());
                CacheFolder.writeText(out, revision.phase().name());
                out.writeBoolean(revision.backfill().isPresent());
                if (revision.backfill().isPresent()) {
                    Backfill backfill = revision.backfill().get();
                    CacheFolder.writeText(out, backfill.table());
                    CacheFolder.writeText(out, backfill.assignments());
                    out.writeBoolean(backfill.where().isPresent());
                    if (backfill.where().isPresent()) {
                        CacheFolder.writeText(out, backfill.where().get());
                    }
                    out.writeInt(backfill.batchSize());
                    out.writeLong(backfill.pause().toMillis());
                }
            }
            folder.write(revision.file().checksum(), bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written only costs time
        }
    }
}
