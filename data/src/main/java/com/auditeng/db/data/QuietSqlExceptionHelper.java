package com.auditeng.db.data;

import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;

import java.sql.SQLException;

/**
 * Hibernate's converter of server errors, logging the refusals the repositories turn into our exceptions (integrity,
 * class 23, and 22001, too long) at DEBUG only. Hibernate logs every error it converts as two WARN lines, although the
 * application gets the same text in the exception; other errors are still logged as Hibernate does.
 */
final class QuietSqlExceptionHelper extends SqlExceptionHelper {
    private static final System.Logger LOG = System.getLogger(QuietSqlExceptionHelper.class.getName());

    QuietSqlExceptionHelper(SqlExceptionHelper hibernate) {
        super(hibernate.getSqlExceptionConverter(), false);
    }

    @Override
    public void logExceptions(SQLException failure, String message) {
        String state = failure.getSQLState();
        if (state != null && (state.startsWith("23") || state.equals("22001"))) {
            LOG.log(System.Logger.Level.DEBUG, () -> "refused, SQLState " + state + ": " + failure.getMessage());
            return;
        }
        super.logExceptions(failure, message);
    }
}
