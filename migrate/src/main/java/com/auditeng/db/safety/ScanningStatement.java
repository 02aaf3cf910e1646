package com.auditeng.db.safety;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A statement that reads or writes every row of a table, told from its text: under an ACCESS EXCLUSIVE lock
 * taken earlier in the same transaction, it keeps the table closed to every reader and writer for as long as
 * that takes, which grows with the table.
 *
 * @param what       what it does to the table, for a message ({@code scans the table})
 * @param saferForm  how to write it instead; {@code %d} stands for the statement's number
 */
record ScanningStatement(String what, String saferForm) {
    /** A statement that rewrote a relation, whatever its text. */
    static ScanningStatement rewriting(String relations) {
        return new ScanningStatement("rewrites " + relations, "put statement %d in a revision of its own, or use a "
                + "form that keeps the table's files (a new column backfilled in batches, instead of a type change)");
    }

    /** A statement that took long, whatever its text. */
    static ScanningStatement slow(long millis) {
        return new ScanningStatement("runs for " + millis + " ms", "put statement %d in a revision of its own");
    }

    String saferForm(int number) {
        return saferForm.replace("%d", Integer.toString(number));
    }

    private static final Pattern DATA_CHANGE = Pattern.compile("^(?:WITH\\b.*\\b)?(?:UPDATE|DELETE)\\b");
    private static final Pattern INSERT_SELECT = Pattern.compile("^(?:WITH\\b.*\\b)?INSERT\\b.*\\bSELECT\\b");
    private static final Pattern CREATE_INDEX = Pattern.compile("^CREATE (?:UNIQUE )?INDEX\\b");
    private static final Pattern VALIDATING_CONSTRAINT = Pattern.compile(
            "\\bADD (?:CONSTRAINT \\S+ )?(?:CHECK|FOREIGN KEY|UNIQUE|PRIMARY KEY|EXCLUDE)\\b");
    private static final Pattern VALIDATE = Pattern.compile("\\bVALIDATE CONSTRAINT\\b");
    private static final Pattern SET_NOT_NULL = Pattern.compile("\\bSET NOT NULL\\b");

    static Optional<ScanningStatement> of(String sql) {
        String text = sql.replaceAll("\\s+", " ").strip().toUpperCase();
        if (DATA_CHANGE.matcher(text).find() || INSERT_SELECT.matcher(text).find()) {
            return Optional.of(new ScanningStatement("scans the table", "put statement %d in a revision of its "
                    + "own (a batched backfill, for a large table)"));
        }
        if (CREATE_INDEX.matcher(text).find()) {
            return Optional.of(new ScanningStatement("builds an index", "build it with CREATE INDEX CONCURRENTLY "
                    + "in a runInTransaction: false revision of its own"));
        }
        if (VALIDATING_CONSTRAINT.matcher(text).find() && !text.contains("NOT VALID")) {
            return Optional.of(new ScanningStatement("validates a constraint over the table", "add the "
                    + "constraint NOT VALID here and VALIDATE CONSTRAINT in a revision of its own"));
        }
        if (VALIDATE.matcher(text).find()) {
            return Optional.of(new ScanningStatement("validates a constraint over the table", "put the VALIDATE "
                    + "CONSTRAINT in a revision of its own"));
        }
        if (SET_NOT_NULL.matcher(text).find()) {
            return Optional.of(new ScanningStatement("scans the table for NULLs", "add CHECK (column IS NOT NULL) "
                    + "NOT VALID, validate it in a revision of its own, then SET NOT NULL in a later one"));
        }
        return Optional.empty();
    }
}
