package com.auditeng.db.config;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Writes a table, column or constraint name into SQL, quoted only when PostgreSQL would otherwise misread it. */
public final class SqlIdentifier {
    // NAMEDATALEN - 1: https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS
    private static final int MAX_BYTES = 63;
    // The reserved key words of https://www.postgresql.org/docs/current/sql-keywords-appendix.html, those that
    // cannot name a column, as pg_get_keywords() lists them (catcode R and T). Liquibase's PostgresDatabase lists
    // the same words but system_user, reserved since PostgreSQL 16; and asking it would load Liquibase into the
    // commands that run compiled revisions, which load none of it.
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
            "asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column",
            "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
            "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull",
            "join",
            "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
            "null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
            "returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
            "tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose",
            "when", "where", "window", "with");

    private SqlIdentifier() {
    }

    /** The first 63 bytes of {@code name}, as PostgreSQL keeps them, without splitting a character. */
    public static String truncate(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return name;
        }
        StringBuilder kept = new StringBuilder();
        int length = 0;
        for (int offset = 0; offset < name.length(); ) {
            int codePoint = name.codePointAt(offset);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (length + size > MAX_BYTES) {
                break;
            }
            kept.appendCodePoint(codePoint);
            length += size;
            offset += Character.charCount(codePoint);
        }
        return kept.toString();
    }

    /** {@code name} as SQL: bare when PostgreSQL reads it back as the same name, in double quotes otherwise. */
    public static String quote(String name) {
        if (name.matches("[a-z_][a-z0-9_$]*") && !RESERVED.contains(name)) {
            return name;
        }
        return quoted(name);
    }

    /** {@code name} in double quotes, whatever it is: as a name written quoted reads back. */
    public static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
