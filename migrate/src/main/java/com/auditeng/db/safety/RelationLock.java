package com.auditeng.db.safety;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A lock a migration holds on one relation, with PostgreSQL's name for its mode ({@code AccessExclusiveLock}). */
public record RelationLock(String relation, String mode) {
    public static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";

    // weakest first, as in https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-TABLES
    private static final List<String> STRENGTH = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", ACCESS_EXCLUSIVE);

    /** By relation name, then the strongest mode first. */
    static final Comparator<RelationLock> ORDER = Comparator.comparing(RelationLock::relation)
            .thenComparing(lock -> -STRENGTH.indexOf(lock.mode()));

    public boolean isAccessExclusive() {
        return ACCESS_EXCLUSIVE.equals(mode);
    }

    /**
     * The granted relation locks of backend {@code pid} on the relations of {@code existing}, read from pg_locks:
     * the migrator's own pid inside its transaction, or another session's while its statement runs.
     */
    static Set<RelationLock> held(Connection connection, int pid, Relations existing) throws SQLException {
        Set<RelationLock> locks = new LinkedHashSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT relation::bigint, mode FROM pg_locks "
                + "WHERE pid = ? AND locktype = 'relation' AND granted "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            query.setInt(1, pid);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long oid = rows.getLong(1);
                    if (existing.contains(oid)) {
                        locks.add(new RelationLock(existing.name(oid), rows.getString(2)));
                    }
                }
            }
        }
        return locks;
    }
}
