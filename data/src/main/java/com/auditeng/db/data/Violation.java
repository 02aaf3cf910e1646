package com.auditeng.db.data;

import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write the server refused, read from the exception Hibernate Reactive raised: its SQL state and the names in its
 * message. Hibernate Reactive rebuilds the driver's error as a bare {@code SQLException} from the message text alone,
 * so the constraint and column names are read from that text, as Hibernate's own PostgreSQL dialect does.
 *
 * @param sqlState   PostgreSQL's code, e.g. {@code 23505}
 * @param message    the server's message
 * @param constraint the constraint named by Hibernate or the message; null when none is named
 */
record Violation(String sqlState, String message, String constraint, Throwable cause) {
    private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern NULL_COLUMN = Pattern.compile("column \"([^\"]+)\" of relation \"([^\"]+)\"");
    private static final Pattern VARCHAR_LIMIT = Pattern.compile("character varying\\((\\d+)\\)");

    /** The refusal in a failure, when there is one: the first JDBC error with an integrity or length state. */
    static Optional<Violation> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                String message = jdbc.getSQLException() != null ? jdbc.getSQLException().getMessage() : jdbc.getMessage();
                String constraint = jdbc instanceof ConstraintViolationException violation
                        ? violation.getConstraintName() : null;
                if (constraint == null) {
                    Matcher quoted = QUOTED_CONSTRAINT.matcher(message == null ? "" : message);
                    constraint = quoted.find() ? quoted.group(1) : null;
                }
                return Optional.of(new Violation(jdbc.getSQLState(), message == null ? "" : message, constraint,
                        cause));
            }
        }
        return Optional.empty();
    }

    /** Whether the server refused the data (class 23, integrity, or 22001, too long), not the statement or link. */
    boolean isRefusal() {
        return sqlState.startsWith("23") || sqlState.equals("22001");
    }

    /** Ours for this refusal; empty for a state we give no meaning to (the failure then passes as it came). */
    Optional<DataAccessException> toException() {
        return Optional.ofNullable(switch (sqlState) {
            case "23502" -> new MissingValueException(nullColumn(), cause);
            case "23514" -> new InvalidValueException(named(), ColumnRules.checkRule(named()).orElse(null), cause);
            case "23503" -> new MissingReferenceException(named(), cause);
            case "23505" -> new DuplicateValueException(named(), cause);
            case "22001" -> new ValueTooLongException("a varchar column", limit(), cause);
            default -> null;
        });
    }

    private String named() {
        return constraint != null ? constraint : "(unnamed)";
    }

    private String nullColumn() {
        Matcher column = NULL_COLUMN.matcher(message);
        return column.find() ? column.group(2) + "." + column.group(1) : "a NOT NULL column";
    }

    // PostgreSQL names the type, not the column: "value too long for type character varying(100)"
    private int limit() {
        Matcher limit = VARCHAR_LIMIT.matcher(message);
        return limit.find() ? Integer.parseInt(limit.group(1)) : 0;
    }
}
