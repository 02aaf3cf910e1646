package com.auditeng.db.safety;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.History;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.StatementText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs every revision on an empty scratch database, oldest first, as the runner would (one transaction with its
 * tracking row, or statement by statement for {@code runInTransaction: false}), after filling each table with
 * generated rows, and records after each statement the locks its transaction holds, read from {@code pg_locks} on
 * the migrator's own connection, and the relations it rewrote. Eugene's {@code trace} records the same.
 */
public final class LockTracer {
    /** The generated rows each table gets before a revision runs, unless it holds rows already. */
    public static final int ROWS_PER_TABLE = TableFiller.ROWS;

    private final DatabaseConnector connector;
    private final RevisionCompiler compiler;

    /** A tracer for the database {@code connector} reaches, which must be a scratch one: every revision is applied. */
    public LockTracer(DatabaseConnector connector, RevisionCompiler compiler) {
        this.connector = connector;
        this.compiler = compiler;
    }

    /** Traces each revision in turn, telling {@code traced} of each; stops at a revision that fails. */
    public List<RevisionTrace> trace(Revisions revisions, Consumer<RevisionTrace> traced) {
        List<RevisionTrace> traces = new ArrayList<>();
        try (Connection migrator = connector.open(); Connection observer = connector.open()) {
            History history = new History(migrator);
            if (!history.exists()) {
                history.create();
            }
            int pid = backendPid(migrator);
            for (RevisionFile file : revisions.all()) {
                CompiledRevision revision = compiler.compile(file);
                List<TableFill> tables = new TableFiller(migrator).fill();
                RevisionTrace trace = revision.transactional()
                        ? inTransaction(migrator, pid, revision, tables)
                        : statementByStatement(migrator, observer, pid, revision, tables);
                traced.accept(trace);
                traces.add(trace);
            }
        } catch (SQLException e) {
            throw new ConfigurationException("cannot trace locks on the scratch database " + connector.url().redacted()
                    + " (" + firstLine(e) + "); rerun with --verbose and report it", e);
        }
        return traces;
    }

    /**
     * BEGIN, the statements, the tracking row, COMMIT, as {@code MigrationRunner} runs them. The times count the
     * statements alone, not the catalog reads between them, which the runner does not make.
     */
    private RevisionTrace inTransaction(Connection migrator, int pid, CompiledRevision revision, List<TableFill> tables)
            throws SQLException {
        Relations existing = Relations.read(migrator);
        Relations previous = existing;
        List<StatementTrace> ran = new ArrayList<>();
        Duration clock = Duration.ZERO;
        migrator.setAutoCommit(false);
        try (Statement statement = migrator.createStatement()) {
            for (String sql : revision.upgrade()) {
                int number = ran.size() + 1;
                long start = System.nanoTime();
                execute(statement, revision.file(), number, sql);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                Relations now = Relations.read(migrator);
                List<RelationLock> locks = RelationLock.held(migrator, pid, existing).stream()
                        .sorted(existing.lockOrder()).toList();
                ran.add(new StatementTrace(number, sql, true, locks, now.rewrittenSince(previous, existing), clock,
                        took, OptionalInt.empty(), Optional.empty()));
                clock = clock.plus(took);
                previous = now;
            }
            long start = System.nanoTime();
            new History(migrator).record(revision.file(), revision.phase());
            migrator.commit();
            clock = clock.plus(Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (!migrator.getAutoCommit()) {
                migrator.rollback();
                migrator.setAutoCommit(true);
            }
        }
        return RevisionTrace.ofTransaction(revision.file(), tables, ran, clock);
    }

    /**
     * Each statement commits alone, so its locks are gone when it returns: a second session watches pg_locks while
     * it runs. That session first takes a snapshot and keeps it until the statement waits: a concurrent build
     * (CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY) waits for every older snapshot
     * before it finishes, so its locks are seen for certain; another statement's are seen only if it runs
     * longer than a poll.
     */
    private RevisionTrace statementByStatement(Connection migrator, Connection observer, int pid,
                                               CompiledRevision revision, List<TableFill> tables) throws SQLException {
        List<StatementTrace> ran = new ArrayList<>();
        Duration clock = Duration.ZERO;
        for (String sql : revision.upgrade()) {
            int number = ran.size() + 1;
            Relations before = Relations.read(migrator);
            Watched watched = watch(migrator, observer, pid, before, revision.file(), number, sql);
            List<RelationLock> locks = watched.seen().stream().sorted(before.lockOrder()).toList();
            List<String> rewritten = Relations.read(migrator).rewrittenSince(before, before);
            ran.add(new StatementTrace(number, sql, false, locks, rewritten, clock, watched.took(),
                    OptionalInt.empty(), Optional.empty()));
            clock = clock.plus(watched.took());
        }
        new History(migrator).record(revision.file(), revision.phase());
        return RevisionTrace.ofSingleStatements(revision.file(), tables, ran);
    }

    private record Watched(Set<RelationLock> seen, Duration took) {
    }

    /** Runs {@code sql} on the migrator's connection, in a thread of its own, while the observer polls its locks. */
    private Watched watch(Connection migrator, Connection observer, int pid, Relations before, RevisionFile file,
                          int number, String sql) throws SQLException {
        Set<RelationLock> seen = new LinkedHashSet<>();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        AtomicLong took = new AtomicLong();
        Thread running = new Thread(() -> {
            long start = System.nanoTime();
            try (Statement statement = migrator.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                failure.set(e);
            }
            took.set(System.nanoTime() - start);
        }, "auditeng-lock-trace");
        observer.setAutoCommit(false);
        try (Statement snapshot = observer.createStatement()) {
            snapshot.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            snapshot.execute("SELECT 1");
        }
        running.start();
        try {
            while (running.isAlive()) {
                seen.addAll(RelationLock.held(observer, pid, before));
                if (!observer.getAutoCommit() && isWaiting(observer, pid)) {
                    // it waits for our snapshot, holding what it holds: read that once more, then let it finish
                    seen.addAll(RelationLock.held(observer, pid, before));
                    observer.commit();
                    observer.setAutoCommit(true);
                }
                running.join(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("the lock trace was interrupted at statement " + number + " of "
                    + file.fileName() + "; run it again", e);
        } finally {
            if (!observer.getAutoCommit()) {
                observer.commit();
                observer.setAutoCommit(true);
            }
        }
        if (failure.get() != null) {
            throw failed(file, number, sql, failure.get());
        }
        return new Watched(seen, Duration.ofNanos(took.get()));
    }

    private void execute(Statement statement, RevisionFile file, int number, String sql) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failed(file, number, sql, e);
        }
    }

    private ProblemFoundException failed(RevisionFile file, int number, String sql, SQLException e) {
        return new ProblemFoundException("revision " + file.fileName() + " fails at statement " + number + " ("
                + StatementText.abbreviate(sql, 80) + ") on a scratch database whose tables hold generated rows: "
                + connector.redact(firstLine(e)) + "; fix the revision, which would fail so on a database with rows",
                e);
    }

    private static boolean isWaiting(Connection observer, int pid) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement(
                "SELECT EXISTS (SELECT FROM pg_locks WHERE pid = ? AND NOT granted)")) {
            query.setInt(1, pid);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).replaceFirst("^ERROR: ", "");
    }
}
