package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.ProblemFoundException;
import com.auditeng.db.UsageException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.LockTimeouts;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves one database between revisions: each revision in one transaction together with its row in
 * {@link History}, every write under the {@link AdvisoryLock}.
 */
public final class MigrationRunner {
    private final DatabaseConnector connector;
    private final Revisions revisions;
    private final RevisionCompiler compiler;
    private final LockTimeouts timeouts;
    private final PrintWriter notes;
    private boolean warnedAhead;

    /** A runner with the default DDL lock timeout and retries, waiting up to {@code lockTimeout} for other migrations. */
    public MigrationRunner(DatabaseConnector connector, Revisions revisions, RevisionCompiler compiler,
                           Duration lockTimeout, PrintWriter notes) {
        this(connector, revisions, compiler, LockTimeouts.defaults().withMigrationLock(lockTimeout), notes);
    }

    public MigrationRunner(DatabaseConnector connector, Revisions revisions, RevisionCompiler compiler,
                           LockTimeouts timeouts, PrintWriter notes) {
        this.connector = connector;
        this.revisions = revisions;
        this.compiler = compiler;
        this.timeouts = timeouts;
        this.notes = notes;
    }

    public Revisions revisions() {
        return revisions;
    }

    /**
     * The revision the database is at; empty when none is applied. It may be newer than this folder's head when
     * only expand revisions are (see {@link Standing}). An edited applied revision is an error.
     */
    public Optional<RevisionId> current() {
        try (Connection connection = connector.open()) {
            return standing(connection).current(revisions);
        } catch (SQLException e) {
            throw databaseError("read the applied revisions", e);
        }
    }

    /**
     * Whether the files of the applied revisions are what ran: empty when they are, else one line naming the edited
     * files and the fix. Gaps and revisions the folder lacks are errors, as for {@link #current()}.
     */
    public Optional<String> edits() {
        try (Connection connection = connector.open()) {
            List<AppliedRevision> applied = new History(connection).applied();
            return located(applied).edits(applied, revisions);
        } catch (SQLException e) {
            throw databaseError("read the applied revisions", e);
        }
    }

    /**
     * The revision the database is at and those above it, compiled, oldest first, read on one connection; none above
     * when the database is at or past head.
     */
    public Pending pending() {
        try (Connection connection = connector.open()) {
            Standing standing = standing(connection);
            List<CompiledRevision> above = new ArrayList<>();
            for (RevisionFile file : revisions.all().subList(standing.position() + 1, revisions.all().size())) {
                above.add(compiler.compile(file));
            }
            return new Pending(standing.current(revisions), above);
        } catch (SQLException e) {
            throw databaseError("read the applied revisions", e);
        }
    }

    public List<RevisionFile> upgrade(Target target, Consumer<RevisionFile> applied) {
        return upgrade(target, RunListener.onFinished(applied), PlanCheck.NONE);
    }

    /** Applies the revisions above the current one up to {@code target}, telling {@code applied} of each. */
    public List<RevisionFile> upgrade(Target target, RunListener applied, PlanCheck check) {
        return upgrade(target, applied, check, Phase.CONTRACT);
    }

    /**
     * Like {@link #upgrade(Target, RunListener, PlanCheck)}, up to {@code phase}: with {@link Phase#EXPAND}, stops
     * before the first contract revision, so that the previous application version keeps working.
     */
    public List<RevisionFile> upgrade(Target target, RunListener applied, PlanCheck check, Phase phase) {
        return write(connection -> {
            Standing standing = standing(connection);
            int current = standing.position();
            int to = target.resolve(revisions, current);
            if (to < current) {
                throw new UsageException("target " + target + " is below the current revision "
                        + revisions.all().get(current).id() + "; use 'db downgrade " + target + "'");
            }
            List<CompiledRevision> plan = new ArrayList<>();
            for (RevisionFile file : revisions.all().subList(current + 1, to + 1)) {
                CompiledRevision revision = compiler.compile(file);
                if (phase == Phase.EXPAND && revision.phase() == Phase.CONTRACT) {
                    notes.println("note: stopping before " + file.id() + " " + file.message() + ", a contract revision; "
                            + "apply it with 'db upgrade --phase contract' once no instance of the previous version runs");
                    break;
                }
                plan.add(revision);
            }
            return execute(connection, standing, plan, PlanCheck.Direction.UPGRADE, check, applied);
        });
    }

    public List<RevisionFile> downgrade(Target target, Consumer<RevisionFile> reverted) {
        return downgrade(target, RunListener.onFinished(reverted), PlanCheck.NONE);
    }

    /** Reverts the applied revisions above {@code target}, newest first, telling {@code reverted} of each. */
    public List<RevisionFile> downgrade(Target target, RunListener reverted, PlanCheck check) {
        return write(connection -> {
            Standing standing = standing(connection);
            if (standing.isAhead()) {
                throw new ConfigurationException("the database has revisions newer than " + revisions.location()
                        + " applied (" + standing.describeNewer() + "); downgrade with the version that has their files");
            }
            int current = standing.position();
            int to = target.resolve(revisions, current);
            if (to > current) {
                throw new UsageException("target " + target + " is above the current revision"
                        + (current < 0 ? " (none applied)" : " " + revisions.all().get(current).id())
                        + "; use 'db upgrade " + target + "'");
            }
            List<CompiledRevision> plan = new ArrayList<>();
            for (int i = current; i > to; i--) {
                CompiledRevision revision = compiler.compile(revisions.all().get(i));
                if (revision.irreversible().isPresent()) {
                    throw new ProblemFoundException("revision " + revision.file().fileName() + " cannot be downgraded: "
                            + revision.irreversible().get() + "; nothing was changed");
                }
                plan.add(revision);
            }
            return execute(connection, standing, plan, PlanCheck.Direction.DOWNGRADE, check, reverted);
        });
    }

    /** Where the database stands; an applied revision edited since is an error. */
    private Standing standing(Connection connection) throws SQLException {
        List<AppliedRevision> applied = new History(connection).applied();
        Standing standing = located(applied);
        standing.edits(applied, revisions).ifPresent(problem -> {
            throw new ProblemFoundException(problem);
        });
        return standing;
    }

    // warns once when the database is ahead of the folder with expand revisions only
    private Standing located(List<AppliedRevision> applied) {
        Standing standing = Standing.of(applied, revisions);
        if (standing.isAhead() && !warnedAhead) {
            warnedAhead = true;
            notes.println("warning: the database has revisions newer than this version's head applied ("
                    + standing.describeNewer() + "); all expand revisions, which keep this version working");
        }
        return standing;
    }

    /**
     * Lets {@code check} refuse the plan, then runs it revision by revision, each with its history row; tells
     * {@code listener} where the database stands after it ({@code before} the run, when the plan is empty).
     */
    private List<RevisionFile> execute(Connection connection, Standing before, List<CompiledRevision> plan,
                                       PlanCheck.Direction direction, PlanCheck check, RunListener listener)
            throws SQLException {
        check.inspect(connection, plan, direction);
        List<RevisionFile> done = new ArrayList<>();
        if (!plan.isEmpty()) {
            try (BlockerWatch watch = new BlockerWatch(connector, backendPid(connection), timeouts.ddl())) {
                LockRetry retry = new LockRetry(timeouts, watch, listener::retrying, notes::println);
                RevisionExecutor executor = new RevisionExecutor(connection, connector, timeouts, retry, listener);
                for (CompiledRevision revision : plan) {
                    listener.started(revision.file());
                    long start = System.nanoTime();
                    executor.apply(revision, direction);
                    done.add(revision.file());
                    listener.finished(revision.file(), Duration.ofNanos(System.nanoTime() - start));
                }
            }
        }
        listener.ended((plan.isEmpty() ? before : standing(connection)).current(revisions));
        return done;
    }

    /** Records {@code target} as the applied revision without running anything. */
    public Optional<RevisionId> stamp(Target target) {
        return write(connection -> {
            History history = new History(connection);
            List<AppliedRevision> applied = history.applied();
            int to = target.resolve(revisions, positionAllowingGaps(applied));
            connection.setAutoCommit(false);
            try {
                for (AppliedRevision row : applied) {
                    history.forget(row.id());
                }
                for (RevisionFile file : revisions.all().subList(0, to + 1)) {
                    history.record(file, compiler.compile(file).phase());
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return to < 0 ? Optional.empty() : Optional.of(revisions.all().get(to).id());
        });
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T write(Work<T> work) {
        try (Connection connection = connector.open()) {
            noticeDisconnects(connection);
            PoolerCheck.requireStableSession(connection, connector);
            try (AdvisoryLock ignored = AdvisoryLock.acquire(connection, timeouts.migrationLock(), notes)) {
                // only what is missing: CREATE ... IF NOT EXISTS still needs the CREATE privilege, which a
                // least-privilege role at head lacks
                new History(connection).createOrComplete();
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw databaseError("migrate", e);
        }
    }

    /**
     * A server notices a dead client only when it next talks to it; in a long statement that can be minutes, during
     * which the dead migrator's session (and its advisory lock) lives on. PostgreSQL 14+ can poll the socket instead.
     */
    private static void noticeDisconnects(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET client_connection_check_interval = 1000");
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

    private int positionAllowingGaps(List<AppliedRevision> applied) {
        return applied.isEmpty() ? Target.BASE_POSITION
                : revisions.contains(applied.get(applied.size() - 1).id())
                ? revisions.indexOf(applied.get(applied.size() - 1).id()) : Target.BASE_POSITION;
    }

    private RuntimeException databaseError(String action, SQLException e) {
        return new ConfigurationException("could not " + action + " on " + connector.url().redacted() + " ("
                + connector.redact(firstLine(e.getMessage())) + "); check the database and its permissions", e);
    }

    static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message);
    }
}
