package com.auditeng.db.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A position in the tokens of a statement, and the moves {@link StatementReader} reads a statement with. */
final class TokenCursor {
    private final List<SqlToken> tokens;
    private int position;

    TokenCursor(List<SqlToken> tokens) {
        this.tokens = tokens;
    }


    boolean atEnd() {
        return position >= tokens.size();
    }

    SqlToken next() {
        return atEnd() ? new SqlToken(SqlToken.Kind.SYMBOL, "") : tokens.get(position++);
    }

    boolean peek(String keyword) {
        return !atEnd() && tokens.get(position).is(keyword);
    }

    boolean peekAny(String... keywords) {
        for (String keyword : keywords) {
            if (peek(keyword)) {
                return true;
            }
        }
        return false;
    }

    boolean peekSymbol(String symbol) {
        return !atEnd() && tokens.get(position).isSymbol(symbol);
    }

    /** Consumes the keywords (or a one-character symbol) when they come next, in this order. */
    boolean accept(String... words) {
        if (position + words.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            SqlToken token = tokens.get(position + i);
            if (!token.is(words[i]) && !token.isSymbol(words[i])) {
                return false;
            }
        }
        position += words.length;
        return true;
    }

    boolean acceptAny(String... keywords) {
        for (String keyword : keywords) {
            if (accept(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** A possibly qualified name, as its last part: {@code public.findings} is {@code findings}. */
    String name() {
        String name = next().name();
        while (peekSymbol(".") && position + 1 < tokens.size() && tokens.get(position + 1).isName()) {
            position++;
            name = next().name();
        }
        return name;
    }

    /** Names separated by commas, up to CASCADE or RESTRICT. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        do {
            names.add(name());
        } while (accept(","));
        return names;
    }

    /** The tokens inside the parenthesised group that comes next, which is consumed. */
    List<SqlToken> group() {
        if (!peekSymbol("(")) {
            return List.of();
        }
        int start = position + 1;
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = next();
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return tokens.subList(start, position - 1);
            }
        }
        return tokens.subList(start, tokens.size());
    }

    /** The tokens up to (not including) one of {@code stops} outside parentheses, or to the end. */
    List<SqlToken> until(Set<String> stops) {
        int start = position;
        int depth = 0;
        while (!atEnd()) {
            SqlToken token = tokens.get(position);
            if (depth == 0 && token.kind() == SqlToken.Kind.WORD && stops.contains(token.text().toLowerCase())) {
                break;
            }
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            position++;
        }
        return tokens.subList(start, position);
    }

    List<SqlToken> rest() {
        List<SqlToken> rest = tokens.subList(position, tokens.size());
        position = tokens.size();
        return rest;
    }

    /** {@code tokens} cut at the commas outside parentheses. */
    static List<List<SqlToken>> split(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.isSymbol(",")) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    /** Tokens as compact SQL text: {@code VARCHAR(500)}, {@code nextval('s'::regclass)}, {@code DOUBLE PRECISION}. */
    static String text(List<SqlToken> tokens) {
        StringBuilder text = new StringBuilder();
        SqlToken previous = null;
        for (SqlToken token : tokens) {
            boolean glued = previous == null || token.isSymbol("(") || token.isSymbol(")") || token.isSymbol(",")
                    || token.isSymbol("[") || token.isSymbol("]") || token.isSymbol("::") || token.isSymbol(".")
                    || previous.isSymbol("(") || previous.isSymbol("[") || previous.isSymbol("::")
                    || previous.isSymbol(".");
            if (!glued) {
                text.append(' ');
            }
            text.append(token);
            previous = token;
        }
        return text.toString();
    }
}
