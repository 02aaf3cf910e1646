package com.auditeng.db.migrate;

import java.util.List;
import java.util.Optional;

/**
 * What a statement does to the schema, as far as lint and the data-loss guard need to know: read from a typed
 * Liquibase change where the revision uses one, and from the tokens of the SQL otherwise. Names are the last part of
 * a qualified name, as PostgreSQL stores them. Compiled revisions are cached on disk in {@link StepFormat}.
 */
public sealed interface Operation {

    /** The table the operation acts on; empty when the statement names only an index. */
    String table();

    /** A column as a table definition or {@code ADD COLUMN} declares it. */
    record Column(String name, String type, boolean notNull, String defaultExpression, boolean generated) {
        /** The default as written ({@code now()}, {@code nextval('s')}); empty when the column has none. */
        public Optional<String> defaultValue() {
            return defaultExpression.isEmpty() ? Optional.empty() : Optional.of(defaultExpression);
        }
    }

    record CreateTable(String table, List<Column> columns) implements Operation {
        public CreateTable {
            columns = List.copyOf(columns);
        }
    }

    record DropTable(String table) implements Operation { }

    record AddColumn(String table, Column column) implements Operation { }

    record DropColumn(String table, String column) implements Operation { }

    /** {@code ALTER COLUMN ... TYPE}; {@code using} holds the USING expression, empty when there is none. */
    record AlterType(String table, String column, String type, String using) implements Operation { }

    record SetNotNull(String table, String column) implements Operation { }

    /**
     * {@code ADD CONSTRAINT}. {@code usingIndex}: a UNIQUE or PRIMARY KEY made from an index built before;
     * {@code notNullColumn}: the column when the constraint is exactly {@code CHECK (column IS NOT NULL)}, else empty.
     */
    record AddConstraint(String table, String name, ConstraintKind kind, boolean notValid, boolean usingIndex,
                         String notNullColumn) implements Operation { }

    enum ConstraintKind { CHECK, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, EXCLUDE }

    record ValidateConstraint(String table, String name) implements Operation { }

    record DropConstraint(String table, String name) implements Operation { }

    record CreateIndex(String table, String name, boolean unique, boolean concurrently) implements Operation { }

    /** {@code DROP INDEX}: the table is known when a typed Liquibase change names it, empty otherwise. */
    record DropIndex(String table, String name, boolean concurrently) implements Operation { }

    /** {@code REINDEX INDEX|TABLE|SCHEMA|DATABASE|SYSTEM name}. */
    record Reindex(String table, String target, boolean concurrently) implements Operation { }

    /** A table rename (column empty) or a column rename. */
    record Rename(String table, String column, String newName) implements Operation { }
}
