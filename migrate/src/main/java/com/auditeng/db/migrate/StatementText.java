package com.auditeng.db.migrate;

/** A SQL statement as a message shows it: on one line, and cut short. */
public final class StatementText {
    private StatementText() {
    }

    public static String abbreviate(String sql, int width) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() <= width ? flat : flat.substring(0, width - 3) + "...";
    }
}
