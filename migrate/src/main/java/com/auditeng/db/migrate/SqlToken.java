package com.auditeng.db.migrate;

import com.auditeng.db.config.SqlIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One lexical token of a PostgreSQL statement: a word (keyword or unquoted name), a quoted name, a literal or a
 * symbol. Comments and white space are not tokens.
 *
 * <p>A tokenizer, not a grammar: Liquibase and pgjdbc parse no SQL, and a full PostgreSQL parser would be a new
 * dependency for the handful of statement kinds lint reads. Tokens are enough to read those kinds exactly, because
 * they already tell a keyword from the same letters inside a string, a quoted name, a comment or a dollar-quoted body,
 * which is where matching patterns over the raw text goes wrong.
 * https://www.postgresql.org/docs/current/sql-syntax-lexical.html
 */
public record SqlToken(Kind kind, String text) {

    public enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL }

    /** Whether this is the keyword (an unquoted word) {@code keyword}, in any case. */
    public boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }

    /** The name as PostgreSQL stores it: a quoted name as written, an unquoted one folded to lower case. */
    public String name() {
        return kind == Kind.QUOTED_NAME ? text : text.toLowerCase(Locale.ROOT);
    }

    /** The tokens of {@code sql}; an unterminated string, name or comment runs to the end of the text. */
    public static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int length = sql.length();
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (sql.startsWith("/*", i)) {
                i = blockCommentEnd(sql, i);
            } else if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < length && sql.charAt(i + 1) == '\'') {
                boolean escapes = c != '\'';
                int start = escapes ? i + 1 : i;
                int end = quotedEnd(sql, start, '\'', escapes);
                tokens.add(new SqlToken(Kind.STRING, sql.substring(start + 1, Math.max(start + 1, end - 1))));
                i = end;
            } else if (c == '"') {
                int end = quotedEnd(sql, i, '"', false);
                tokens.add(new SqlToken(Kind.QUOTED_NAME,
                        sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"")));
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                int end = close < 0 ? length : close + tag.length();
                tokens.add(new SqlToken(Kind.STRING, sql.substring(i + tag.length(), close < 0 ? length : close)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                tokens.add(new SqlToken(Kind.WORD, sql.substring(i, end)));
                i = end;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < length && Character.isDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new SqlToken(Kind.NUMBER, sql.substring(i, end)));
                i = end;
            } else if (sql.startsWith("::", i)) {
                tokens.add(new SqlToken(Kind.SYMBOL, "::"));
                i += 2;
            } else {
                tokens.add(new SqlToken(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        return tokens;
    }

    // block comments nest in PostgreSQL, unlike in the SQL standard
    private static int blockCommentEnd(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The index just after the closing quote; a doubled quote is part of the text, as is a backslash escape. */
    private static int quotedEnd(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** {@code $$} or {@code $tag$} opening a dollar-quoted string at {@code start}, or null. */
    private static String dollarTag(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '$' && (i == start + 1 || !Character.isDigit(sql.charAt(start + 1)))) {
            return sql.substring(start, i + 1);
        }
        return null;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case QUOTED_NAME -> SqlIdentifier.quoted(text);
            case STRING -> "'" + text + "'";
            default -> text;
        };
    }
}
