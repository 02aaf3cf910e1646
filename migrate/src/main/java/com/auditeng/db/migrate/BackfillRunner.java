package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link Backfill}: keyset batches by primary key, each in a transaction of its own that also records how far
 * it got in {@code auditeng_backfill}, so that a run interrupted anyhow (kill -9 included) resumes after the last
 * committed batch and fills every row once. Only the rows present when it starts are filled (keys up to the largest
 * then): rows written later are the application's, or a trigger's, to fill. The revision is recorded as applied,
 * and its progress row removed, in the transaction after the last batch.
 */
final class BackfillRunner {
    static final String PROGRESS_TABLE = Backfill.PROGRESS_TABLE;
    private static final String CREATE_PROGRESS = "CREATE TABLE IF NOT EXISTS " + PROGRESS_TABLE + " ("
            + "revision VARCHAR(4) NOT NULL, last_key TEXT, upper_key TEXT, rows_done BIGINT DEFAULT 0 NOT NULL, "
            + "started_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, "
            + "CONSTRAINT " + PROGRESS_TABLE + "_pkey PRIMARY KEY (revision))";

    /** Told of each committed batch. */
    interface Progress {
        void batch(long rowsDone);
    }

    private final Connection connection;
    private final LockRetry retry;

    BackfillRunner(Connection connection, LockRetry retry) {
        this.connection = connection;
        this.retry = retry;
    }

    /** Fills the rows batch by batch, then runs {@code record} with the last transaction. */
    void run(CompiledRevision revision, Backfill backfill, RevisionExecutor.HistoryStep record, Progress progress)
            throws StatementFailure {
        String id = revision.id().toString();
        Key key;
        State state;
        try {
            execute(CREATE_PROGRESS);
            key = primaryKey(revision, backfill);
            state = startOrResume(id, backfill, key);
        } catch (SQLException e) {
            throw new StatementFailure(1, "preparing the backfill of " + backfill.table(), e);
        }
        String update = "UPDATE " + backfill.table() + " SET " + backfill.assignments() + " WHERE " + key.column()
                + " >= CAST(? AS " + key.type() + ") AND " + key.column() + " <= CAST(? AS " + key.type() + ")"
                + backfill.where().map(where -> " AND (" + where + ")").orElse("");
        State current = state;
        while (current.upperKey().isPresent()) {
            Optional<State> next = batch(revision, backfill, key, current, update);
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
            progress.batch(current.rowsDone());
            pause(backfill);
        }
        retry.run(revision.file(), () -> inTransaction(2, "recording the backfill", () -> {
            record.apply(new History(connection));
            try (PreparedStatement done = connection.prepareStatement("DELETE FROM " + PROGRESS_TABLE + " WHERE revision = ?")) {
                done.setString(1, id);
                done.executeUpdate();
            }
        }));
    }

    /** One batch in its own transaction; empty when no row is left below the upper key. */
    private Optional<State> batch(CompiledRevision revision, Backfill backfill, Key key, State state, String update)
            throws StatementFailure {
        List<Optional<State>> result = new ArrayList<>(1);
        retry.run(revision.file(), () -> inTransaction(1, update, () -> {
            result.clear();
            List<String> keys = keysAfter(backfill, key, state);
            if (keys.isEmpty()) {
                result.add(Optional.empty());
                return;
            }
            String first = keys.get(0);
            String last = keys.get(keys.size() - 1);
            int changed;
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                statement.setString(1, first);
                statement.setString(2, last);
                changed = statement.executeUpdate();
            }
            try (PreparedStatement save = connection.prepareStatement("UPDATE " + PROGRESS_TABLE
                    + " SET last_key = ?, rows_done = rows_done + ? WHERE revision = ?")) {
                save.setString(1, last);
                save.setLong(2, changed);
                save.setString(3, revision.id().toString());
                save.executeUpdate();
            }
            result.add(Optional.of(new State(Optional.of(last), state.upperKey(), state.rowsDone() + changed)));
        }));
        return result.get(0);
    }

    private List<String> keysAfter(Backfill backfill, Key key, State state) throws SQLException {
        // the text form gets a name of its own: ORDER BY would otherwise sort by it, '10' before '9'
        String sql = "SELECT " + key.column() + "::text AS backfill_key FROM " + backfill.table() + " WHERE "
                + (state.lastKey().isPresent() ? key.column() + " > CAST(? AS " + key.type() + ") AND " : "")
                + key.column() + " <= CAST(? AS " + key.type() + ") ORDER BY " + key.column() + " LIMIT "
                + backfill.batchSize();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            if (state.lastKey().isPresent()) {
                select.setString(parameter++, state.lastKey().get());
            }
            select.setString(parameter, state.upperKey().orElseThrow());
            List<String> keys = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
            return keys;
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(int number, String sql, Work work) throws StatementFailure {
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            RevisionExecutor.rollbackKeeping(connection, e);
            throw new StatementFailure(number, sql, e);
        }
    }

    /** Where the backfill stands: after which key, up to which key, and how many rows it filled so far. */
    private record State(Optional<String> lastKey, Optional<String> upperKey, long rowsDone) {
    }

    private record Key(String column, String type) {
    }

    private State startOrResume(String id, Backfill backfill, Key key) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_key, upper_key, rows_done FROM " + PROGRESS_TABLE + " WHERE revision = ?")) {
            read.setString(1, id);
            try (ResultSet rows = read.executeQuery()) {
                if (rows.next()) {
                    return new State(Optional.ofNullable(rows.getString(1)), Optional.ofNullable(rows.getString(2)),
                            rows.getLong(3));
                }
            }
        }
        Optional<String> upper;
        try (Statement statement = connection.createStatement();
             // not max(): PostgreSQL has none for uuid, while every primary key has an index to read backwards
             ResultSet rows = statement.executeQuery("SELECT " + key.column() + "::text AS backfill_key FROM "
                     + backfill.table() + " ORDER BY " + key.column() + " DESC LIMIT 1")) {
            upper = rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
        try (PreparedStatement start = connection.prepareStatement(
                "INSERT INTO " + PROGRESS_TABLE + " (revision, upper_key) VALUES (?, ?)")) {
            start.setString(1, id);
            start.setString(2, upper.orElse(null));
            start.executeUpdate();
        }
        return new State(Optional.empty(), upper, 0);
    }

    private Key primaryKey(CompiledRevision revision, Backfill backfill) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT quote_ident(a.attname), "
                + "format_type(a.atttypid, a.atttypmod) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                + "AND a.attnum = ANY (i.indkey) WHERE i.indrelid = to_regclass(?) AND i.indisprimary")) {
            query.setString(1, backfill.table());
            List<Key> columns = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(new Key(rows.getString(1), rows.getString(2)));
                }
            }
            if (columns.size() != 1) {
                throw new ConfigurationException("revision " + revision.file().fileName() + " backfills "
                        + backfill.table() + ", which has " + (columns.isEmpty() ? "no primary key" : "a primary key of "
                        + columns.size() + " columns") + "; a backfill walks a one-column primary key: write it as "
                        + "an update in a transactional revision instead");
            }
            return columns.get(0);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void pause(Backfill backfill) {
        if (backfill.pause().isZero()) {
            return;
        }
        try {
            Thread.sleep(backfill.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
