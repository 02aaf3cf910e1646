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
     * The revision compiled is a throwaway; nothing is cached or shared but the loaded classes.
     */
    public void prepareInBackground() {
        Thread preparing = new Thread(() -> {
            try {
                new LiquibaseCompiler().compile(WARM_UP);
            } catch (RuntimeException e) {
                // only time is lost: the real compile reports what is wrong
            }
        }, "auditeng-liquibase-preparation");
        preparing.setDaemon(true);
        preparing.start();
    }

    // a change set of the kinds autogenerate writes, so that their parsers and SQL generators are the ones loaded
    private static final RevisionFile WARM_UP = new RevisionFile(new RevisionId(1), "0001_preparation.yaml", """
            databaseChangeLog:
              - changeSet:
                  id: 0001-preparation
                  author: auditeng
                  changes:
                    - addColumn: {tableName: t, columns: [{column: {name: c, type: INTEGER}}]}
                    - createIndex: {tableName: t, indexName: ix_t_c, columns: [{column: {name: c}}]}
                    - sql: {sql: SELECT 1}
                  rollback:
                    - dropColumn: {tableName: t, columnName: c}
            """);
}
