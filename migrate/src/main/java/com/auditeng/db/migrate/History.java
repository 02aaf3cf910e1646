package com.auditeng.db.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The revision-tracking table {@code auditeng_revision}: one row per applied revision, written in the same
 * transaction as the revision itself, so the table never claims a revision the schema lacks.
 */
public final class History {
    public static final String TABLE = "auditeng_revision";
    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
            + "revision VARCHAR(4) NOT NULL, "
            + "message TEXT NOT NULL, "
            + "checksum VARCHAR(64) NOT NULL, "
            + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL, "
            + "applied_by TEXT DEFAULT current_user NOT NULL, "
            + "phase VARCHAR(8), "
            + "CONSTRAINT " + TABLE + "_pkey PRIMARY KEY (revision))";   // outside the pk_ convention: not part of the schema
    /**
     * Versions before phases made the table without {@code phase}; a row they write still leaves it empty (null: a
     * phase not known, read as contract). The column is what lets an older application version, which lacks the
     * files of newer revisions, tell whether the schema still suits it.
     */
    static final String ADD_PHASE = "ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS phase VARCHAR(8)";
    // the SQLSTATE of a statement the role may not run
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final Connection connection;

    public History(Connection connection) {
        this.connection = connection;
    }

    public boolean exists() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    public void create() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
        }
    }

    /** Creates the table, or adds what an earlier version's table lacks; changes nothing that is already there. */
    public void createOrComplete() throws SQLException {
        if (!exists()) {
            create();
            return;
        }
        if (!hasPhaseColumn()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(ADD_PHASE);
            } catch (SQLException e) {
                // a role that does not own the table cannot add the column; its revisions are then recorded without
                // a phase (read as unknown), which is no reason to refuse a no-op upgrade or a start at head
                if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private boolean hasPhaseColumn() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_attribute WHERE attrelid = to_regclass('"
                     + TABLE + "') AND attname = 'phase' AND NOT attisdropped")) {
            rows.next();
            return rows.getInt(1) == 1;
        }
    }

    /** The applied revisions, oldest first; none when the table does not exist yet. */
    public List<AppliedRevision> applied() throws SQLException {
        List<AppliedRevision> applied = new ArrayList<>();
        if (!exists()) {
            return applied;
        }
        String phase = hasPhaseColumn() ? "phase" : "NULL";
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT revision, message, checksum, applied_at, " + phase
                     + " FROM " + TABLE + " ORDER BY revision")) {
            while (rows.next()) {
                applied.add(new AppliedRevision(RevisionId.parse(rows.getString(1)), rows.getString(2),
                        rows.getString(3), rows.getObject(4, OffsetDateTime.class),
                        Optional.ofNullable(rows.getString(5)).flatMap(Phase::ofLabel)));
            }
        }
        return applied;
    }

    public void record(RevisionFile file, Phase phase) throws SQLException {
        boolean withPhase = hasPhaseColumn();
        try (PreparedStatement insert = connection.prepareStatement(withPhase ? recordSql()
                : "INSERT INTO " + TABLE + " (revision, message, checksum) VALUES (?, ?, ?)")) {
            insert.setString(1, file.id().toString());
            insert.setString(2, file.message());
            insert.setString(3, file.checksum());
            if (withPhase) {
                insert.setString(4, phase.label());
            }
            insert.executeUpdate();
        }
    }

    public void forget(RevisionId id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(forgetSql())) {
            delete.setString(1, id.toString());
            delete.executeUpdate();
        }
    }

    static String recordSql() {
        return "INSERT INTO " + TABLE + " (revision, message, checksum, phase) VALUES (?, ?, ?, ?)";
    }

    static String forgetSql() {
        return "DELETE FROM " + TABLE + " WHERE revision = ?";
    }

    /** The literal statements of {@link #record} for offline SQL. */
    static String recordLiteral(RevisionFile file, Phase phase) {
        return "INSERT INTO " + TABLE + " (revision, message, checksum, phase) VALUES ('" + file.id() + "', '"
                + file.message().replace("'", "''") + "', '" + file.checksum() + "', '" + phase.label() + "')";
    }

    static String forgetLiteral(RevisionId id) {
        return "DELETE FROM " + TABLE + " WHERE revision = '" + id + "'";
    }
}
