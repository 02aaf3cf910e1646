package com.auditeng.db.migrate;

import com.auditeng.db.MigrationFailedException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.LockTimeouts;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Applies or reverts one compiled revision on the migrator's connection, with its row in {@link History}: every
 * statement under the DDL lock timeout, retried by {@link LockRetry}; a failure becomes one message naming the
 * revision, the statement and what was left applied.
 */
final class RevisionExecutor {
    /** The tracking-table write that goes with a revision: its row recorded, or forgotten. */
    interface HistoryStep {
        void apply(History history) throws SQLException;
    }

    private final Connection connection;
    private final DatabaseConnector connector;
    private final LockTimeouts timeouts;
    private final LockRetry retry;
    private final RunListener listener;

    RevisionExecutor(Connection connection, DatabaseConnector connector, LockTimeouts timeouts, LockRetry retry,
                     RunListener listener) {
        this.connection = connection;
        this.connector = connector;
        this.timeouts = timeouts;
        this.retry = retry;
        this.listener = listener;
    }

    void apply(CompiledRevision revision, PlanCheck.Direction direction) throws SQLException {
        HistoryStep step = direction == PlanCheck.Direction.UPGRADE
                ? rows -> rows.record(revision.file(), revision.phase()) : rows -> rows.forget(revision.id());
        if (direction == PlanCheck.Direction.UPGRADE && revision.backfill().isPresent()) {
            backfill(revision, step);
        } else {
            run(revision, direction.statementsOf(revision), step);
        }
    }

    /**
     * Runs one revision under the DDL lock timeout: in one transaction, retried whole after a lock timeout; or,
     * for a revision that runs outside a transaction, statement by statement, each retried alone.
     */
    private void run(CompiledRevision revision, List<String> statements, HistoryStep step) throws SQLException {
        try {
            setLockTimeout(connection, timeouts.ddl());
            if (revision.transactional()) {
                retry.run(revision.file(), () -> runInTransaction(connection, statements, step));
            } else {
                for (int i = 0; i < statements.size(); i++) {
                    int number = i + 1;
                    String sql = statements.get(i);
                    retry.run(revision.file(), () -> runAlone(connection, number, sql));
                }
                retry.run(revision.file(), () -> recordAlone(connection, statements.size() + 1, step));
            }
            setLockTimeout(connection, Duration.ZERO);
        } catch (StatementFailure failure) {
            throw failure(revision, failure);
        }
    }

    private void backfill(CompiledRevision revision, HistoryStep step) throws SQLException {
        try {
            setLockTimeout(connection, timeouts.ddl());
            new BackfillRunner(connection, retry).run(revision, revision.backfill().orElseThrow(), step,
                    rows -> listener.backfilled(revision.file(), rows));
            setLockTimeout(connection, Duration.ZERO);
        } catch (StatementFailure failure) {
            throw failure(revision, failure);
        }
    }

    private static void runInTransaction(Connection connection, List<String> statements, HistoryStep step)
            throws StatementFailure {
        int number = 0;
        String sql = "recording the revision";
        try {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String each : statements) {
                    number++;
                    sql = each;
                    statement.execute(each);
                }
                number++;
                sql = "recording the revision";
                step.apply(new History(connection));
                connection.commit();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            rollbackKeeping(connection, e);
            throw new StatementFailure(number, sql, e);
        }
    }

    private static void runAlone(Connection connection, int number, String sql) throws StatementFailure {
        Optional<ConcurrentIndex> index = ConcurrentIndex.of(sql);
        try (Statement statement = connection.createStatement()) {
            if (index.isPresent()) {
                index.get().dropIfInvalid(connection);   // left by an earlier build that failed or was killed
            }
            statement.execute(sql);
        } catch (SQLException e) {
            if (index.isPresent()) {
                try {
                    index.get().dropIfInvalid(connection);
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new StatementFailure(number, sql, e);
        }
    }

    private static void recordAlone(Connection connection, int number, HistoryStep step) throws StatementFailure {
        try {
            step.apply(new History(connection));
        } catch (SQLException e) {
            throw new StatementFailure(number, "recording the revision", e);
        }
    }

    /** Rolls back after {@code first}, never replacing it: on a lost connection the rollback fails too. */
    static void rollbackKeeping(Connection connection, SQLException first) {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            first.addSuppressed(e);
        }
    }

    private static void setLockTimeout(Connection connection, Duration timeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = " + timeout.toMillis());
        }
    }

    private MigrationFailedException failure(CompiledRevision revision, StatementFailure failure) {
        String name = revision.file().fileName();
        String statement = abbreviate(failure.sql());
        String outcome = revision.backfill().isPresent()
                ? "the batches committed before stay done, and the rerun resumes after them"
                : revision.transactional()
                ? "the revision was rolled back, nothing of " + revision.id() + " was applied; earlier revisions stay applied"
                : revision.id() + " runs outside a transaction, so its statements before " + failure.number()
                        + " stay applied: the rerun continues with them done, or undo them by hand";
        if (failure.isConnectionLost()) {
            return new MigrationFailedException("the connection to PostgreSQL was lost during statement "
                    + failure.number() + " of " + name + " (" + statement + "): " + reason(failure) + "; " + outcome
                    + "; rerun the command once the server is back", failure.error());
        }
        if (failure.isLockTimeout()) {
            return new MigrationFailedException("revision " + name + " could not take its locks within "
                    + describe(timeouts.retryDeadline()) + " (" + failure.attempts() + " attempt"
                    + (failure.attempts() == 1 ? "" : "s") + "): statement " + failure.number() + " (" + statement
                    + ") waited, " + Blocker.describeAll(failure.blockers()) + "; " + outcome
                    + "; rerun when the blocker ends, or raise --ddl-retry-deadline", failure.error());
        }
        return new MigrationFailedException("revision " + name + " failed at statement " + failure.number()
                + " (" + statement + "): " + reason(failure) + "; " + outcome, failure.error());
    }

    /** PostgreSQL's message and, where it has one, its detail (which key is duplicated, which row fails a check). */
    private String reason(StatementFailure failure) {
        String message = MigrationRunner.firstLine(failure.error().getMessage());
        if (failure.error() instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            message = server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
        }
        return connector.redact(message);
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 60_000 == 0 && millis > 0 ? millis / 60_000 + " min"
                : millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static String abbreviate(String sql) {
        return StatementText.abbreviate(sql, 120);
    }

}
