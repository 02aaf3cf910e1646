package com.auditeng.db.schema;

import com.auditeng.db.config.SqlIdentifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A schema described neutrally, whether read from the entities or from a live catalog: tables with their columns,
 * primary key, indexes, foreign keys and check constraints. Two snapshots are equal when the schemas are.
 */
public record SchemaSnapshot(SortedMap<String, Table> tables) {

    public SchemaSnapshot {
        tables = new TreeMap<>(tables);
    }

    public static SchemaSnapshot of(Collection<Table> tables) {
        return new SchemaSnapshot(tables.stream().collect(Collectors.toMap(Table::name, Function.identity(),
                (first, second) -> first, TreeMap::new)));
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /**
     * One table. Columns keep their order (the order a new table is created in), but equality ignores it:
     * PostgreSQL cannot reorder columns, so the order is no difference a revision could fix.
     */
    public record Table(String name, Map<String, Column> columns, Optional<PrimaryKey> primaryKey,
                        SortedMap<String, Index> indexes, SortedMap<String, ForeignKey> foreignKeys,
                        SortedMap<String, Check> checks) {

        public Table {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            indexes = new TreeMap<>(indexes);
            foreignKeys = new TreeMap<>(foreignKeys);
            checks = new TreeMap<>(checks);
        }

        public Optional<Column> column(String columnName) {
            return Optional.ofNullable(columns.get(columnName));
        }

        /** The same table without its foreign keys, which a revision adds and drops in steps of their own. */
        public Table withoutForeignKeys() {
            return new Table(name, columns, primaryKey, indexes, new TreeMap<>(), checks);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Table table && name.equals(table.name)
                    && new TreeMap<>(columns).equals(new TreeMap<>(table.columns))
                    && primaryKey.equals(table.primaryKey) && indexes.equals(table.indexes)
                    && foreignKeys.equals(table.foreignKeys) && checks.equals(table.checks);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + new TreeMap<>(columns).hashCode();
        }
    }

    /**
     * A column; {@code type} is spelled as {@link SqlType#normalize} spells it.
     *
     * @param defaultValue the server default (DEFAULT clause), when there is one
     */
    public record Column(String name, String type, boolean nullable, Optional<SqlExpression> defaultValue) {
    }

    public record PrimaryKey(String name, List<String> columns) {
        public PrimaryKey {
            columns = List.copyOf(columns);
        }
    }

    /**
     * An index; {@code constraint} says it backs a UNIQUE constraint rather than standing alone, which changes how
     * it is created and dropped, but not what it enforces.
     *
     * @param options for each column, what follows its name in CREATE INDEX: a non-default operator class, DESC,
     *                a NULLS placement other than the order's default ({@code "text_pattern_ops DESC NULLS LAST"});
     *                empty for the defaults
     */
    public record Index(String name, List<String> columns, boolean unique, boolean constraint, List<String> options) {
        public Index {
            columns = List.copyOf(columns);
            options = List.copyOf(options);
            if (options.size() != columns.size()) {
                throw new IllegalArgumentException("index " + name + " has " + columns.size() + " columns but "
                        + options.size() + " column options");
            }
        }

        /** An index whose columns are in ascending order, nulls last, with their types' default operator classes. */
        public Index(String name, List<String> columns, boolean unique, boolean constraint) {
            this(name, columns, unique, constraint, columns.stream().map(column -> "").toList());
        }

        /** The columns as CREATE INDEX lists them: {@code "user", created_at DESC}. */
        public List<String> elements() {
            List<String> elements = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                elements.add((SqlIdentifier.quote(columns.get(i)) + " " + options.get(i)).strip());
            }
            return elements;
        }

        public String describe() {
            List<String> described = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                described.add((columns.get(i) + " " + options.get(i)).strip());
            }
            return (constraint ? "unique constraint " : unique ? "unique index " : "index ") + name
                    + " (" + String.join(", ", described) + ")";
        }
    }

    /** @param onDelete the ON DELETE rule in PostgreSQL words: NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT */
    public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             String onDelete) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }

        public String describe() {
            return "foreign key " + name + " (" + String.join(", ", columns) + ") -> " + referencedTable + "("
                    + String.join(", ", referencedColumns) + ") ON DELETE " + onDelete;
        }
    }

    /**
     * A CHECK constraint; {@code expression} is the boolean condition inside CHECK (...), {@code validated} false for
     * one added NOT VALID and not validated since (a step of a rolling deploy).
     */
    public record Check(String name, SqlExpression expression, boolean validated) {
        public Check(String name, SqlExpression expression) {
            this(name, expression, true);
        }
    }
}
