package com.auditeng.db.data;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.ConnectionFailure;
import com.auditeng.db.config.DatabaseUrl;
import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Reads what went wrong in a failed stage: which constraint a write broke, or why the server could not be reached. */
final class Failures {
    private final DatabaseUrl url;

    Failures(DatabaseUrl url) {
        this.url = url;
    }

    /** The failure itself, without the wrappers that completion stages add around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The name of the constraint a write violated, as Hibernate read it from the server's message. */
    static Optional<String> violatedConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return Optional.of(violation.getConstraintName());
            }
        }
        return Optional.empty();
    }

    /** Our exception for a failure we can explain (unreachable server, refused login); the failure itself otherwise. */
    Throwable explain(Throwable failure) {
        Throwable cause = unwrap(failure);
        return ConnectionFailure.explain(url, cause, sqlState(cause))
                .<Throwable>map(message -> new ConfigurationException(message, cause)).orElse(cause);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null) {
                return pg.getSqlState();
            }
        }
        return "";
    }
}
