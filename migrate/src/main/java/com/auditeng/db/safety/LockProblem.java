package com.auditeng.db.safety;

import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.StatementText;

/**
 * An ACCESS EXCLUSIVE lock held while a later statement of the same transaction works through a table: the
 * table is closed to everyone for as long as that statement takes, which grows with the table.
 *
 * @param statement  the number of the later statement
 * @param relation   the relation the lock is on
 * @param takenBy    the number of the statement that took the lock
 * @param what       what the later statement does ({@code scans the table})
 */
public record LockProblem(RevisionFile revision, int statement, String sql, String relation, int takenBy,
                          String what, String saferForm) {

    /** The line the text output shows under the revision. */
    public String describe() {
        return "ACCESS EXCLUSIVE on " + relation + " taken by statement " + takenBy + " is held while statement "
                + statement + " " + what + "; " + saferForm;
    }

    /** The one-line error: the revision, the statement, the relation and the safer form. */
    public String message() {
        return "revision " + revision.fileName() + ": statement " + statement + " ("
                + StatementText.abbreviate(sql, 80) + ") " + what + " while statement " + takenBy
                + " holds ACCESS EXCLUSIVE on " + relation + "; " + saferForm;
    }
}
