package com.auditeng.db.migrate;

import com.auditeng.db.migrate.Operation.AddColumn;
import com.auditeng.db.migrate.Operation.AddConstraint;
import com.auditeng.db.migrate.Operation.AlterType;
import com.auditeng.db.migrate.Operation.Column;
import com.auditeng.db.migrate.Operation.ConstraintKind;
import com.auditeng.db.migrate.Operation.CreateIndex;
import com.auditeng.db.migrate.Operation.CreateTable;
import com.auditeng.db.migrate.Operation.DropColumn;
import com.auditeng.db.migrate.Operation.DropConstraint;
import com.auditeng.db.migrate.Operation.DropIndex;
import com.auditeng.db.migrate.Operation.DropTable;
import com.auditeng.db.migrate.Operation.Reindex;
import com.auditeng.db.migrate.Operation.Rename;
import com.auditeng.db.migrate.Operation.SetNotNull;
import com.auditeng.db.migrate.Operation.ValidateConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the operations of one SQL statement from its {@link SqlToken tokens}: CREATE/DROP TABLE, CREATE/DROP INDEX,
 * REINDEX and the ALTER TABLE actions lint knows (each action of a multi-action ALTER TABLE). Any other statement has
 * no operations. https://www.postgresql.org/docs/current/sql-altertable.html
 */
final class StatementReader {
    /** Words that end a column's type, or a default expression, in a column definition. */
    private static final Set<String> COLUMN_CONSTRAINT = Set.of("constraint", "not", "null", "default", "primary",
            "unique", "check", "references", "generated", "collate", "using");
    private static final Set<String> TABLE_CONSTRAINT = Set.of("constraint", "primary", "unique", "check", "foreign",
            "exclude", "like");

    private final List<SqlToken> tokens;
    private int position;

    private StatementReader(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    static List<Operation> read(String sql) {
        List<SqlToken> tokens = new ArrayList<>(SqlToken.tokenize(sql));
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(";")) {
            tokens.remove(tokens.size() - 1);
        }
        return new StatementReader(tokens).statement();
    }

    private List<Operation> statement() {
        if (accept("create")) {
            accept("or", "replace");
            while (acceptAny("global", "local", "temporary", "temp", "unlogged")) {
                // persistence words change nothing lint looks at
            }
            if (accept("table")) {
                return createTable();
            }
            boolean unique = accept("unique");
            return accept("index") ? createIndex(unique) : List.of();
        }
        if (accept("drop", "table")) {
            accept("if", "exists");
            return names().stream().<Operation>map(DropTable::new).toList();
        }
        if (accept("drop", "index")) {
            boolean concurrently = accept("concurrently");
            accept("if", "exists");
            return names().stream().<Operation>map(name -> new DropIndex("", name, concurrently)).toList();
        }
        if (accept("alter", "table")) {
            return alterTable();
        }
        if (accept("reindex")) {
            return reindex();
        }
        return List.of();
    }

    private List<Operation> createTable() {
        accept("if", "not", "exists");
        String table = name();
        if (!peekSymbol("(")) {
            return List.of(new CreateTable(table, List.of()));   // AS SELECT, PARTITION OF, OF type
        }
        List<Column> columns = new ArrayList<>();
        for (List<SqlToken> element : split(group())) {
            if (!element.isEmpty() && element.get(0).kind() == SqlToken.Kind.WORD
                    && TABLE_CONSTRAINT.contains(element.get(0).text().toLowerCase())) {
                continue;
            }
            StatementReader definition = new StatementReader(element);
            String name = definition.name();
            columns.add(definition.column(name));
        }
        return List.of(new CreateTable(table, columns));
    }

    private List<Operation> createIndex(boolean unique) {
        boolean concurrently = accept("concurrently");
        accept("if", "not", "exists");
        String name = peek("on") ? "" : name();
        if (!accept("on")) {
            return List.of();
        }
        accept("only");
        return List.of(new CreateIndex(name(), name, unique, concurrently));
    }

    private List<Operation> reindex() {
        boolean concurrently = false;
        if (peekSymbol("(")) {
            for (List<SqlToken> option : split(group())) {
                // CONCURRENTLY [true|on|1]; CONCURRENTLY false turns it off
                concurrently |= !option.isEmpty() && option.get(0).is("concurrently")
                        && (option.size() == 1 || !List.of("false", "off", "0").contains(option.get(1).text().toLowerCase()));
            }
        }
        String kind = next().text().toLowerCase();
        concurrently |= accept("concurrently");
        String target = atEnd() ? "" : name();
        return List.of(new Reindex(kind.equals("table") ? target : "", kind + " " + target, concurrently));
    }

    private List<Operation> alterTable() {
        accept("if", "exists");
        accept("only");
        String table = name();
        accept("*");
        if (accept("rename")) {
            if (accept("to")) {
                return List.of(new Rename(table, "", name()));
            }
            if (accept("constraint")) {
                return List.of();
            }
            accept("column");
            String column = name();
            return accept("to") ? List.of(new Rename(table, column, name())) : List.of();
        }
        List<Operation> operations = new ArrayList<>();
        for (List<SqlToken> action : split(rest())) {
            new StatementReader(action).action(table, operations);
        }
        return operations;
    }

    private void action(String table, List<Operation> operations) {
        if (accept("add")) {
            if (accept("constraint")) {
                String name = name();
                operations.add(constraint(table, name));
            } else if (peekAny("primary", "unique", "check", "foreign", "exclude")) {
                operations.add(constraint(table, ""));
            } else {
                accept("column");
                accept("if", "not", "exists");
                String column = name();
                operations.add(new AddColumn(table, column(column)));
            }
        } else if (accept("drop")) {
            if (accept("constraint")) {
                accept("if", "exists");
                operations.add(new DropConstraint(table, name()));
            } else if (!peekAny("not", "default", "identity", "expression")) {
                accept("column");
                accept("if", "exists");
                operations.add(new DropColumn(table, name()));
            }
        } else if (accept("alter")) {
            accept("column");
            String column = name();
            if (accept("type") || accept("set", "data", "type")) {
                List<SqlToken> type = until(Set.of("collate", "using"));
                List<SqlToken> using = List.of();
                if (accept("collate")) {
                    name();
                }
                if (accept("using")) {
                    using = rest();
                }
                operations.add(new AlterType(table, column, text(type), text(using)));
            } else if (accept("set", "not", "null")) {
                operations.add(new SetNotNull(table, column));
            }
        } else if (accept("validate", "constraint")) {
            operations.add(new ValidateConstraint(table, name()));
        }
    }

    private AddConstraint constraint(String table, String name) {
        ConstraintKind kind;
        boolean usingIndex = false;
        String notNullColumn = "";
        if (accept("primary", "key")) {
            kind = ConstraintKind.PRIMARY_KEY;
            usingIndex = accept("using", "index");
        } else if (accept("unique")) {
            kind = ConstraintKind.UNIQUE;
            accept("nulls", "not", "distinct");
            accept("nulls", "distinct");
            usingIndex = accept("using", "index");
        } else if (accept("check")) {
            kind = ConstraintKind.CHECK;
            notNullColumn = isNotNullCheck(group());
        } else if (accept("foreign", "key")) {
            kind = ConstraintKind.FOREIGN_KEY;
        } else {
            next();
            kind = ConstraintKind.EXCLUDE;
        }
        List<SqlToken> rest = rest();
        boolean notValid = false;
        for (int i = 0; i + 1 < rest.size(); i++) {
            notValid |= rest.get(i).is("not") && rest.get(i + 1).is("valid");
        }
        return new AddConstraint(table, name, kind, notValid, usingIndex, notNullColumn);
    }

    /** The column of a check that reads exactly {@code column IS NOT NULL}, in any number of parentheses. */
    private static String isNotNullCheck(List<SqlToken> expression) {
        List<SqlToken> inner = expression;
        while (inner.size() >= 2 && inner.get(0).isSymbol("(") && inner.get(inner.size() - 1).isSymbol(")")) {
            inner = inner.subList(1, inner.size() - 1);
        }
        boolean exact = inner.size() == 4 && inner.get(0).isName() && inner.get(1).is("is") && inner.get(2).is("not")
                && inner.get(3).is("null");
        return exact ? inner.get(0).name() : "";
    }

    /** A column definition after its name: type, then NOT NULL, DEFAULT, PRIMARY KEY, GENERATED and the like. */
    private Column column(String name) {
        String type = text(until(COLUMN_CONSTRAINT));
        boolean notNull = false;
        boolean generated = false;
        String defaultExpression = "";
        while (!atEnd()) {
            if (accept("not", "null") || accept("primary", "key")) {
                notNull = true;
            } else if (accept("default")) {
                defaultExpression = text(until(COLUMN_CONSTRAINT));
            } else if (accept("generated")) {
                generated = true;
            } else if (peekSymbol("(")) {
                group();
            } else {
                next();
            }
        }
        return new Column(name, type, notNull, defaultExpression, generated);
    }

    // --- the cursor

    private boolean atEnd() {
        return position >= tokens.size();
    }

    private SqlToken next() {
        return atEnd() ? new SqlToken(SqlToken.Kind.SYMBOL, "") : tokens.get(position++);
    }

    private boolean peek(String keyword) {
        return !atEnd() && tokens.get(position).is(keyword);
    }

    private boolean peekAny(String... keywords) {
        for (String keyword : keywords) {
            if (peek(keyword)) {
                return true;
            }
        }
        return false;
    }

    private boolean peekSymbol(String symbol) {
        return !atEnd() && tokens.get(position).isSymbol(symbol);
    }

    /** Consumes the keywords (or a one-character symbol) when they come next, in this order. */
    private boolean accept(String... words) {
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

    private boolean acceptAny(String... keywords) {
        for (String keyword : keywords) {
            if (accept(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** A possibly qualified name, as its last part: {@code public.findings} is {@code findings}. */
    private String name() {
        String name = next().name();
        while (peekSymbol(".") && position + 1 < tokens.size() && tokens.get(position + 1).isName()) {
            position++;
            name = next().name();
        }
        return name;
    }

    /** Names separated by commas, up to CASCADE or RESTRICT. */
    private List<String> names() {
        List<String> names = new ArrayList<>();
        do {
            names.add(name());
        } while (accept(","));
        return names;
    }

    /** The tokens inside the parenthesised group that comes next, which is consumed. */
    private List<SqlToken> group() {
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
    private List<SqlToken> until(Set<String> stops) {
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

    private List<SqlToken> rest() {
        List<SqlToken> rest = tokens.subList(position, tokens.size());
        position = tokens.size();
        return rest;
    }

    /** {@code tokens} cut at the commas outside parentheses. */
    private static List<List<SqlToken>> split(List<SqlToken> tokens) {
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

    /** Tokens as compact SQL text: {@code VARCHAR(500)}, {@code nextval('s'::regclass)}, {@code TIMESTAMP WITH TIME ZONE}. */
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
