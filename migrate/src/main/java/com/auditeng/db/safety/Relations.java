package com.auditeng.db.safety;

import com.auditeng.db.migrate.History;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relations (tables, indexes, sequences, views) a revision finds when it starts, with the file that holds each:
 * PostgreSQL gives a relation a new {@code relfilenode} when it rewrites it. Relations the revision creates are not
 * here, as in Eugene's trace: no other session can see them before the commit, so their locks block nobody.
 */
final class Relations {
    static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private final Map<Long, String> names;
    private final Map<Long, Long> files;
    private final Set<String> indexes;

    private Relations(Map<Long, String> names, Map<Long, Long> files, Set<String> indexes) {
        this.names = names;
        this.files = files;
        this.indexes = indexes;
    }

    /** The relations of the user's schemas, but the tracking table and its index: the runner's, not the revision's. */
    static Relations read(Connection connection) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Long> files = new LinkedHashMap<>();
        Set<String> indexes = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.oid, c.oid::regclass::text, c.relfilenode, c.relkind "
                     + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMAS
                     + " AND c.oid IS DISTINCT FROM to_regclass('" + History.TABLE + "') "
                     + "AND NOT EXISTS (SELECT FROM pg_index i WHERE i.indexrelid = c.oid "
                     + "AND i.indrelid IS NOT DISTINCT FROM to_regclass('" + History.TABLE + "'))")) {
            while (rows.next()) {
                names.put(rows.getLong(1), rows.getString(2));
                files.put(rows.getLong(1), rows.getLong(3));
                if ("iI".contains(rows.getString(4))) {
                    indexes.add(rows.getString(2));
                }
            }
        }
        return new Relations(names, files, indexes);
    }

    /** Tables (and other relations) before indexes, each by name, its strongest lock first. */
    Comparator<RelationLock> lockOrder() {
        return Comparator.<RelationLock, Boolean>comparing(lock -> indexes.contains(lock.relation()))
                .thenComparing(RelationLock.ORDER);
    }

    boolean contains(long oid) {
        return names.containsKey(oid);
    }

    String name(long oid) {
        return names.get(oid);
    }

    Set<Long> oids() {
        return names.keySet();
    }

    /**
     * The relations of {@code existing} whose file changed since {@code earlier} was read: rewritten (a type change,
     * a volatile default, VACUUM FULL, CLUSTER, TRUNCATE). A relation dropped since is not counted as rewritten.
     */
    List<String> rewrittenSince(Relations earlier, Relations existing) {
        return earlier.oids().stream()
                .filter(existing::contains)
                .filter(oid -> files.containsKey(oid) && !files.get(oid).equals(earlier.files.get(oid)))
                .map(earlier::name)
                .sorted()
                .toList();
    }
}
