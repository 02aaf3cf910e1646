package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.AbstractSQLChange;
import liquibase.change.core.UpdateDataChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.exception.ValidationErrors;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns revision files (Liquibase YAML changelogs) into PostgreSQL statements with Liquibase's own parser and
 * SQL generators, without a connection: the same statements serve {@code upgrade}, {@code downgrade} and {@code --sql}.
 *
 * <p>Liquibase's runner is not used to apply them: it commits per change set and serialises through a lock table
 * that stays locked after a crash; {@link MigrationRunner} runs each revision in one transaction under an advisory lock.
 * Only {@link RevisionCompiler} creates one, for a revision its cache lacks.
 */
final class LiquibaseCompiler {
    private static final Pattern CLASS_NOT_FOUND = Pattern.compile("(?:[\\w$]+\\.)*ClassNotFoundException: ");
    private static final Pattern JAVA_EXCEPTION = Pattern.compile("(?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error): ");
    private static boolean generatorsRegistered;   // Liquibase's generator registry is one per process
    // the changes autogenerate writes, so that their parsers and SQL generators are the ones prepare() loads
    private static final RevisionFile PREPARATION = new RevisionFile(new RevisionId(1), "0001_preparation.yaml", """
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
    private final Database database = new PostgresDatabase();

    LiquibaseCompiler() {
        registerGenerators();
    }

    // one compile at a time in the process: Liquibase's factories are shared singletons not made for threads, and
    // a compiler loading it in the background (RevisionCompiler.prepareInBackground) may run beside another
    CompiledRevision compile(RevisionFile file) {
        synchronized (LiquibaseCompiler.class) {
            return compileAlone(file);
        }
    }

    /**
     * Loads Liquibase's parser and the generators of the changes autogenerate writes, by compiling a throwaway
     * revision of them; nothing is cached.
     */
    static void prepare() {
        synchronized (LiquibaseCompiler.class) {
            new LiquibaseCompiler().compileAlone(PREPARATION);
        }
    }

    private CompiledRevision compileAlone(RevisionFile file) {
        try {
            DatabaseChangeLog changeLog = parse(file);
            List<Step> upgrade = new ArrayList<>();
            List<Step> downgrade = new ArrayList<>();
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
                    upgrade.addAll(written(file, changeSet, change));
                }
            }
            for (int i = changeSets.size() - 1; i >= 0 && irreversible.isEmpty(); i--) {
                irreversible = rollback(file, changeSets.get(i), downgrade);
            }
            Phase phase = labelledPhase(file, changeSets).orElseGet(() -> Phase.inferredFrom(Step.statementsOf(upgrade)));
            return new CompiledRevision(file, upgrade, irreversible.isPresent() ? List.of() : downgrade,
                    transactional, irreversible, phase, backfill(file, changeSets, transactional));
        } catch (LiquibaseException | RuntimeException e) {
            if (e instanceof ConfigurationException configuration) {
                throw configuration;
            }
            throw new ConfigurationException("revision " + file.fileName() + " cannot be read (" + firstLine(e)
                    + "); fix the file: it must be a Liquibase YAML changelog", e);
        }
    }

    /** A revision outside a transaction whose one change is an {@code update} is a batched backfill. */
    private static Optional<Backfill> backfill(RevisionFile file, List<ChangeSet> changeSets, boolean transactional) {
        if (transactional || changeSets.size() != 1 || changeSets.get(0).getChanges().size() != 1
                || !(changeSets.get(0).getChanges().get(0) instanceof UpdateDataChange update)) {
            return Optional.empty();
        }
        return Optional.of(BackfillReader.read(file, update, changeSets.get(0).getComments()));
    }

    /** The phase the change sets' labels name; they must agree, and no other label is allowed. */
    private static Optional<Phase> labelledPhase(RevisionFile file, List<ChangeSet> changeSets) {
        Set<Phase> phases = new TreeSet<>();
        for (ChangeSet changeSet : changeSets) {
            if (changeSet.getLabels() == null || changeSet.getLabels().isEmpty()) {
                continue;
            }
            for (String label : changeSet.getLabels().getLabels()) {
                phases.add(Phase.ofLabel(label).orElseThrow(() -> new ConfigurationException("revision "
                        + file.fileName() + " has the label '" + label + "'; the only labels are the phases: "
                        + "labels: expand, or labels: contract")));
            }
        }
        if (phases.size() > 1) {
            throw new ConfigurationException("revision " + file.fileName() + " is labelled both expand and contract; "
                    + "move the contract change sets into a revision of their own");
        }
        return phases.stream().findFirst();
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

    /** What a typed change does, from its attributes; empty for {@code sql} and {@code sqlFile}. */
    private static Optional<List<Operation>> typed(Change change) {
        return change instanceof AbstractSQLChange ? Optional.empty() : LiquibaseOperations.of(change);
    }

    /**
     * The steps of one change: a typed change's statements paired with its operations when there are as many of
     * each (addColumn: one ALTER TABLE per column); otherwise (an {@code sql} change, a change not read from its
     * attributes, a rollback Liquibase derives) one step per statement, read from the statement's tokens.
     */
    private static List<Step> steps(ChangeSet changeSet, Optional<List<Operation>> typed, List<String> statements) {
        String comment = changeSet.getComments() == null ? "" : changeSet.getComments();
        if (typed.isEmpty() || statements.isEmpty()) {
            return statements.stream().map(sql -> new Step(List.of(sql), changeSet.getId(), comment,
                    StatementReader.read(sql))).toList();
        }
        List<Operation> operations = typed.get();
        if (operations.size() == statements.size()) {
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                steps.add(new Step(List.of(statements.get(i)), changeSet.getId(), comment, List.of(operations.get(i))));
            }
            return steps;
        }
        return List.of(new Step(statements, changeSet.getId(), comment, operations));
    }

    /**
     * The steps of a change as the revision writes it, after Liquibase's own check of its attributes, which its
     * runner makes before generating SQL. Without that check, and for what it lets through (an {@code update} column
     * with no name), a change missing an attribute fails deep inside a generator or {@link LiquibaseOperations} with
     * a bare NullPointerException (the check itself may, as it generates the SQL): the change set is named instead.
     */
    private List<Step> written(RevisionFile file, ChangeSet changeSet, Change change) {
        try {
            ValidationErrors errors = change.validate(database);
            if (errors != null && errors.hasErrors()) {
                throw new ConfigurationException("revision " + file.fileName() + ", change set '" + changeSet.getId()
                        + "': " + String.join("; ", errors.getErrorMessages()) + "; fix the file");
            }
            return steps(changeSet, typed(change), sql(change.generateStatements(database)));
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigurationException("revision " + file.fileName() + ", change set '" + changeSet.getId()
                    + "': its " + nameOf(change) + " change cannot be turned into SQL ("
                    + (e instanceof NullPointerException ? "an attribute it needs is missing" : firstLine(e))
                    + "); fix the file: see the attributes of " + nameOf(change) + " in Liquibase's documentation", e);
        }
    }

    private static String nameOf(Change change) {
        return Scope.getCurrentScope().getSingleton(liquibase.change.ChangeFactory.class).getChangeMetaData(change)
                .getName();
    }

    /** Appends the change set's rollback to {@code downgrade}; says why when it has none. */
    private Optional<String> rollback(RevisionFile file, ChangeSet changeSet, List<Step> downgrade)
            throws LiquibaseException {
        List<Change> written = changeSet.getRollback().getChanges();
        if (!written.isEmpty()) {
            for (Change change : written) {
                downgrade.addAll(written(file, changeSet, change));
            }
            return Optional.empty();
        }
        List<Change> changes = changeSet.getChanges();
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            if (!change.supportsRollback(database)) {
                return Optional.of("change set '" + changeSet.getId() + "' (" + nameOf(change)
                        + ") has no rollback; add a 'rollback:' section to it");
            }
            // Liquibase derives the inverse change internally: its statements are read from their tokens
            downgrade.addAll(steps(changeSet, Optional.empty(), sql(change.generateRollbackStatements(database))));
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

    /**
     * The first line of a Liquibase message without the Java class names it quotes from its causes
     * ({@code Error parsing x.yaml : liquibase.exception.SetupException: <sqlfile> - No path specified}).
     */
    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return JAVA_EXCEPTION.matcher(CLASS_NOT_FOUND.matcher(line).replaceAll("no class ")).replaceAll("");
    }
}
