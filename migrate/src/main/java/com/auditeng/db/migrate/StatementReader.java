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

    private final TokenCursor cursor;

    private StatementReader(List<SqlToken> tokens) {
        this.cursor = new TokenCursor(tokens);
    }

    /**
     * The operations of the statements in {@code sql}: usually one, but an {@code sql} change with
     * {@code splitStatements: false} passes several through as one text. A ';' token ends a statement; one inside a
     * string, a quoted name or a dollar-quoted body is part of that token.
     */
    static List<Operation> read(String sql) {
        List<Operation> operations = new ArrayList<>();
        List<SqlToken> statement = new ArrayList<>();
        for (SqlToken token : SqlToken.tokenize(sql)) {
            if (token.isSymbol(";")) {
                operations.addAll(new StatementReader(statement).statement());
                statement = new ArrayList<>();
            } else {
                statement.add(token);
            }
        }
        operations.addAll(new StatementReader(statement).statement());
        return operations;
    }

    private List<Operation> statement() {
        if (cursor.accept("create")) {
            cursor.accept("or", "replace");
            while (cursor.acceptAny("global", "local", "temporary", "temp", "unlogged")) {
                // persistence words change nothing lint looks at
            }
            if (cursor.accept("table")) {
                return createTable();
            }
            boolean unique = cursor.accept("unique");
            return cursor.accept("index") ? createIndex(unique) : List.of();
        }
        if (cursor.accept("drop", "table")) {
            cursor.accept("if", "exists");
            return cursor.names().stream().<Operation>map(DropTable::new).toList();
        }
        if (cursor.accept("drop", "index")) {
            boolean concurrently = cursor.accept("concurrently");
            cursor.accept("if", "exists");
            return cursor.names().stream().<Operation>map(name -> new DropIndex("", name, concurrently)).toList();
        }
        if (cursor.accept("alter", "table")) {
            return alterTable();
        }
        if (cursor.accept("reindex")) {
            return reindex();
        }
        return List.of();
    }

    private List<Operation> createTable() {
        cursor.accept("if", "not", "exists");
        String table = cursor.name();
        if (!cursor.peekSymbol("(")) {
            return List.of(new CreateTable(table, List.of()));   // AS SELECT, PARTITION OF, OF type
        }
        List<Column> columns = new ArrayList<>();
        for (List<SqlToken> element : TokenCursor.split(cursor.group())) {
            if (!element.isEmpty() && element.get(0).kind() == SqlToken.Kind.WORD
                    && TABLE_CONSTRAINT.contains(element.get(0).text().toLowerCase())) {
                continue;
            }
            StatementReader definition = new StatementReader(element);
            String name = definition.cursor.name();
            columns.add(definition.column(name));
        }
        return List.of(new CreateTable(table, columns));
    }

    private List<Operation> createIndex(boolean unique) {
        boolean concurrently = cursor.accept("concurrently");
        cursor.accept("if", "not", "exists");
        String name = cursor.peek("on") ? "" : cursor.name();
        if (!cursor.accept("on")) {
            return List.of();
        }
        cursor.accept("only");
        return List.of(new CreateIndex(cursor.name(), name, unique, concurrently));
    }

    private List<Operation> reindex() {
        boolean concurrently = false;
        if (cursor.peekSymbol("(")) {
            for (List<SqlToken> option : TokenCursor.split(cursor.group())) {
                // CONCURRENTLY [true|on|1]; CONCURRENTLY false turns it off
                concurrently |= !option.isEmpty() && option.get(0).is("concurrently")
                        && (option.size() == 1
                        || !List.of("false", "off", "0").contains(option.get(1).text().toLowerCase()));
            }
        }
        String kind = cursor.next().text().toLowerCase();
        concurrently |= cursor.accept("concurrently");
        String target = cursor.atEnd() ? "" : cursor.name();
        return List.of(new Reindex(kind.equals("table") ? target : "", kind + " " + target, concurrently));
    }

    private List<Operation> alterTable() {
        cursor.accept("if", "exists");
        cursor.accept("only");
        String table = cursor.name();
        cursor.accept("*");
        if (cursor.accept("rename")) {
            if (cursor.accept("to")) {
                return List.of(new Rename(table, "", cursor.name()));
            }
            if (cursor.accept("constraint")) {
                return List.of();
            }
            cursor.accept("column");
            String column = cursor.name();
            return cursor.accept("to") ? List.of(new Rename(table, column, cursor.name())) : List.of();
        }
        List<Operation> operations = new ArrayList<>();
        for (List<SqlToken> action : TokenCursor.split(cursor.rest())) {
            new StatementReader(action).action(table, operations);
        }
        return operations;
    }

    private void action(String table, List<Operation> operations) {
        if (cursor.accept("add")) {
            if (cursor.accept("constraint")) {
                String name = cursor.name();
                operations.add(constraint(table, name));
            } else if (cursor.peekAny("primary", "unique", "check", "foreign", "exclude")) {
                operations.add(constraint(table, ""));
            } else {
                cursor.accept("column");
                cursor.accept("if", "not", "exists");
                String column = cursor.name();
                operations.add(new AddColumn(table, column(column)));
            }
        } else if (cursor.accept("drop")) {
            if (cursor.accept("constraint")) {
                cursor.accept("if", "exists");
                operations.add(new DropConstraint(table, cursor.name()));
            } else if (!cursor.peekAny("not", "default", "identity", "expression")) {
                cursor.accept("column");
                cursor.accept("if", "exists");
                operations.add(new DropColumn(table, cursor.name()));
            }
        } else if (cursor.accept("alter")) {
            cursor.accept("column");
            String column = cursor.name();
            if (cursor.accept("type") || cursor.accept("set", "data", "type")) {
                List<SqlToken> type = cursor.until(Set.of("collate", "using"));
                List<SqlToken> using = List.of();
                if (cursor.accept("collate")) {
                    cursor.name();
                }
                if (cursor.accept("using")) {
                    using = cursor.rest();
                }
                operations.add(new AlterType(table, column, TokenCursor.text(type), TokenCursor.text(using)));
            } else if (cursor.accept("set", "not", "null")) {
                operations.add(new SetNotNull(table, column));
            }
        } else if (cursor.accept("validate", "constraint")) {
            operations.add(new ValidateConstraint(table, cursor.name()));
        }
    }

    private AddConstraint constraint(String table, String name) {
        ConstraintKind kind;
        boolean usingIndex = false;
        String notNullColumn = "";
        if (cursor.accept("primary", "key")) {
            kind = ConstraintKind.PRIMARY_KEY;
            usingIndex = cursor.accept("using", "index");
        } else if (cursor.accept("unique")) {
            kind = ConstraintKind.UNIQUE;
            cursor.accept("nulls", "not", "distinct");
            cursor.accept("nulls", "distinct");
            usingIndex = cursor.accept("using", "index");
        } else if (cursor.accept("check")) {
            kind = ConstraintKind.CHECK;
            notNullColumn = isNotNullCheck(cursor.group());
        } else if (cursor.accept("foreign", "key")) {
            kind = ConstraintKind.FOREIGN_KEY;
        } else {
            cursor.next();
            kind = ConstraintKind.EXCLUDE;
        }
        List<SqlToken> rest = cursor.rest();
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
        String type = TokenCursor.text(cursor.until(COLUMN_CONSTRAINT));
        boolean notNull = false;
        boolean generated = false;
        String defaultExpression = "";
        while (!cursor.atEnd()) {
            if (cursor.accept("not", "null") || cursor.accept("primary", "key")) {
                notNull = true;
            } else if (cursor.accept("default")) {
                defaultExpression = TokenCursor.text(cursor.until(COLUMN_CONSTRAINT));
            } else if (cursor.accept("generated")) {
                generated = true;
            } else if (cursor.peekSymbol("(")) {
                cursor.group();
            } else {
                cursor.next();
            }
        }
        return new Column(name, type, notNull, defaultExpression, generated);
    }
}
