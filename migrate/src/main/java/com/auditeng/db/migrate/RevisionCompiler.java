package com.auditeng.db.migrate;

import java.util.Optional;

/**
 * Turns revision files into the statements {@code upgrade}, {@code downgrade} and {@code --sql} run: from the
 * compiled-revision cache when the file is unchanged, otherwise with Liquibase.
 *
 * <p>Liquibase stays behind {@link LiquibaseCompiler}, created on the first revision the cache lacks: its classes
 * (thousands, with the YAML parser) are what a short command would otherwise spend most of its time loading, and
 * a class that named them here would load some of them just to be verified.
 */
public final class RevisionCompiler {
    private final CompiledRevisionCache cache = CompiledRevisionCache.besideJar();
    private LiquibaseCompiler liquibase;

    // synchronized: the runners of a fleet's targets share one compiler, and Liquibase's parser and the cache's
    // files are not made for threads; after the first target every revision comes from the cache
    public synchronized CompiledRevision compile(RevisionFile file) {
        Optional<CompiledRevision> cached = cache.read(file);
        if (cached.isPresent()) {
            return cached.get();
        }
        if (liquibase == null) {
            liquibase = new LiquibaseCompiler();
        }
        CompiledRevision compiled = liquibase.compile(file);
        cache.write(compiled);
        return compiled;
    }

    /**
     * Loads Liquibase on another thread, for a command that will compile a revision the cache cannot have: the one
     * autogenerate is about to write. Its classes and generators take a quarter of a second to load, which the
     * command otherwise spends after everything else, while here they load while the scratch database works.
     */
    public void prepareInBackground() {
        Thread preparing = new Thread(() -> {
            try {
                prepare();
            } catch (RuntimeException e) {
                // only time is lost: the real compile reports what is wrong
            }
        }, "auditeng-liquibase-preparation");
        preparing.setDaemon(true);
        preparing.start();
    }

    /**
     * Loads Liquibase and the generators of the changes autogenerate writes, on this thread, waiting for a
     * preparation in the background to end: what the start-up cache of {@code db revision} is trained on.
     */
    public static void prepare() {
        LiquibaseCompiler.prepare();
    }
}
