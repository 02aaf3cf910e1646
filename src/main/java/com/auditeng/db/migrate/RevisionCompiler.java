package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.sdk.resource.MockResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns revision files (Liquibase YAML changelogs) into PostgreSQL statements with Liquibase's own parser and
 * SQL generators, without a connection: the same statements serve {@code upgrade}, {@code downgrade} and {@code --sql}.
 *
 * <p>Liquibase's runner is not used to apply them: it commits per change set and serialises through a lock table
 * that stays locked after a crash; {@link MigrationRunner} runs each revision in one transaction under an advisory lock.
 */
public final class RevisionCompiler {
    private final CompiledRevisionCache cache = CompiledRevisionCache.besideJar();
    private static boolean generatorsRegistered;   // Liquibase's generator registry is one per process
    private Database database;   // created on first use: commands that compile nothing never start Liquibase

    public CompiledRevision compile(RevisionFile file) {
        Optional<CompiledRevision> cached = cache.read(file);
        if (cached.isPresent()) {
            return cached.get();
        }
        CompiledRevision compiled = compileWithLiquibase(file);
        cache.write(compiled);
        return compiled;
    }

    private CompiledRevision compileWithLiquibase(RevisionFile file) {
        if (database == null) {
            database = new PostgresDatabase();
            registerGenerators();
        }
        try {
            DatabaseChangeLog changeLog = parse(file);
            List<String> upgrade = new ArrayList<>();
            List<String> downgrade = new ArrayList<>();
            Optional<String> irreversible = Optional.empty();
            List<ChangeSet> changeSets = changeLog.getChangeSets();
            boolean transactional = changeSets.stream().allMatch(ChangeSet::isRunInTransaction);
            if (!transactional && changeSets.stream().anyMatch(ChangeSet::isRunInTransaction)) {
                throw new ConfigurationException("revision " + file.fileName() + " mixes change sets with and without "
                        + "runInTransaction; move the non-transactional step (e.g. CREATE INDEX CONCURRENTLY) into a "
                        + "revision of its own");
            }
            for (ChangeSet changeSet : changeSets) {
                for (Change change : changeSet.getChanges()) {
                    upgrade.addAll(sql(change.generateStatements(database)));
                }
            }
            for (int i = changeSets.size() - 1; i >= 0 && irreversible.isEmpty(); i--) {
                irreversible = rollback(changeSets.get(i), downgrade);
            }
            return new CompiledRevision(file, upgrade, irreversible.isPresent() ? List.of() : downgrade,
                    transactional, irreversible);
        } catch (LiquibaseException | RuntimeException e) {
            if (e instanceof ConfigurationException configuration) {
                throw configuration;
            }
            throw new ConfigurationException("revision " + file.fileName() + " cannot be read (" + firstLine(e)
                    + "); fix the file: it must be a Liquibase YAML changelog", e);
        }
    }

    private DatabaseChangeLog parse(RevisionFile file) throws LiquibaseException {
        MockResourceAccessor accessor = new MockResourceAccessor(new TreeMap<>(Map.of(file.fileName(), file.content())));
        ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(file.fileName(), accessor);
        return parser.parse(file.fileName(), new ChangeLogParameters(database), accessor);
    }

    private static synchronized void registerGenerators() {
        if (!generatorsRegistered) {
            SqlGeneratorFactory.getInstance().register(new TypeChangeGenerator());
            generatorsRegistered = true;
        }
    }

    /** Appends the change set's rollback to {@code downgrade}; says why when it has none. */
    private Optional<String> rollback(ChangeSet changeSet, List<String> downgrade) throws LiquibaseException {
        List<Change> written = changeSet.getRollback().getChanges();
        if (!written.isEmpty()) {
            for (Change change : written) {
                downgrade.addAll(sql(change.generateStatements(database)));
            }
            return Optional.empty();
        }
        List<Change> changes = changeSet.getChanges();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            if (!change.supportsRollback(database)) {
                return Optional.of("change set '" + changeSet.getId() + "' (" + Scope.getCurrentScope()
                        .getSingleton(liquibase.change.ChangeFactory.class).getChangeMetaData(change).getName()
                        + ") has no rollback; add a 'rollback:' section to it");
            }
            downgrade.addAll(sql(change.generateRollbackStatements(database)));
        }
        return Optional.empty();
    }

    private List<String> sql(SqlStatement[] statements) {
        List<String> sql = new ArrayList<>();
        for (SqlStatement statement : statements) {
            for (Sql generated : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                sql.add(generated.toSql());
            }
        }
        return sql;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
