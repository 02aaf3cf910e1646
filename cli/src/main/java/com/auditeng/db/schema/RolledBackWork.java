package com.auditeng.db.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * Work on a connection that is undone afterwards (temporary tables, a schema created to be read), whether or not
 * it succeeds; inside the caller's transaction, if there is one, back to where it began.
 */
final class RolledBackWork {
    private RolledBackWork() {
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Savepoint start = autoCommit ? null : connection.setSavepoint();
        try {
            return work.run();
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            } else {
                connection.rollback(start);
            }
        }
    }
}
