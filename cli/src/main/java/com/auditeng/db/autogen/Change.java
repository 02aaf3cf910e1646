// One file for the whole family on purpose: each step sits next to its inverse, and reading them together is how
// one sees that every rollback undoes exactly its upgrade. Rendering lives in LiquibaseChanges.
package com.auditeng.db.autogen;

import com.auditeng.db.schema.SqlType;

import com.auditeng.db.schema.SqlExpression;

import com.auditeng.db.schema.SchemaSnapshot;

import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.util.List;
import java.util.Optional;

/**
 * One step that moves a schema towards another, with its exact inverse: a revision's rollback is the inverses of
 * its steps in reverse order, so every generated revision is reversible by construction.
 */
public sealed interface Change {

    /**
     * Where a step goes in a revision. Drops come before adds and foreign keys are dropped first and added last,
     * so no foreign key ever points at a table or column that is not there; defaults are dropped before a type
     * change and set after it, since PostgreSQL would otherwise try to convert the old default.
     */
    enum Phase {
        RENAME, DROP_FOREIGN_KEY, DROP_CHECK, DROP_INDEX, DROP_PRIMARY_KEY, DROP_COLUMN, DROP_TABLE, RENAME_CONSTRAINT,
        CREATE_TABLE, ADD_COLUMN, DROP_DEFAULT, ALTER_TYPE, SET_DEFAULT, ALTER_NULLABILITY, ADD_PRIMARY_KEY, ADD_INDEX,
        ADD_CHECK, ADD_FOREIGN_KEY
    }

    Phase phase();

    /** The step that undoes this one. */
    Change inverse();

    String table();

    /** One line naming table and column, saying how the schema {@code from} differs from the schema {@code to}. */
    String describe(String from, String to);

    /** Why this step can lose data, when it can. */
    default Optional<String> destructive() {
        return Optional.empty();
    }

    private static String where(String table, List<String> columns) {
        if (columns.isEmpty()) {
            return table;
        }
        return table + "." + (columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")");
    }

    record CreateTable(Table definition) implements Change {
        public Phase phase() {
            return Phase.CREATE_TABLE;
        }

        public Change inverse() {
            return new DropTable(definition);
        }

        public String table() {
            return definition.name();
        }

        public String describe(String from, String to) {
            return definition.name() + ": table in " + to + ", not in " + from;
        }
    }

    record DropTable(Table definition) implements Change {
        public Phase phase() {
            return Phase.DROP_TABLE;
        }

        public Change inverse() {
            return new CreateTable(definition);
        }

        public String table() {
            return definition.name();
        }

        public String describe(String from, String to) {
            return definition.name() + ": table in " + from + ", not in " + to;
        }

        @Override
        public Optional<String> destructive() {
            return Optional.of("drops table " + definition.name() + " and every row in it");
        }
    }

    record RenameTable(String table, String newName) implements Change {
        public Phase phase() {
            return Phase.RENAME;
        }

        public Change inverse() {
            return new RenameTable(newName, table);
        }

        public String describe(String from, String to) {
            return table + ": table is named " + newName + " in " + to;
        }
    }

    record AddColumn(String table, Column column) implements Change {
        public Phase phase() {
            return Phase.ADD_COLUMN;
        }

        public Change inverse() {
            return new DropColumn(table, column);
        }

        public String describe(String from, String to) {
            return table + "." + column.name() + ": column (" + column.type() + (column.nullable() ? "" : " NOT NULL")
                    + ") in " + to + ", not in " + from;
        }
    }

    record DropColumn(String table, Column column) implements Change {
        public Phase phase() {
            return Phase.DROP_COLUMN;
        }

        public Change inverse() {
            return new AddColumn(table, column);
        }

        public String describe(String from, String to) {
            return table + "." + column.name() + ": column in " + from + ", not in " + to;
        }

        @Override
        public Optional<String> destructive() {
            return Optional.of("drops column " + table + "." + column.name() + " and the data in it");
        }
    }

    record RenameColumn(String table, String column, String newName) implements Change {
        public Phase phase() {
            return Phase.RENAME;
        }

        public Change inverse() {
            return new RenameColumn(table, newName, column);
        }

        public String describe(String from, String to) {
            return table + "." + column + ": column is named " + newName + " in " + to;
        }
    }

    record AlterType(String table, String column, String fromType, String toType) implements Change {
        public Phase phase() {
            return Phase.ALTER_TYPE;
        }

        public Change inverse() {
            return new AlterType(table, column, toType, fromType);
        }

        public String describe(String from, String to) {
            return table + "." + column + ": type " + fromType + " in " + from + ", " + toType + " in " + to;
        }

        @Override
        public Optional<String> destructive() {
            return SqlType.isWidening(fromType, toType) ? Optional.empty()
                    : Optional.of("narrows " + table + "." + column + " from " + fromType + " to " + toType
                    + ": values that do not fit make the upgrade fail or are cut");
        }
    }

    record AlterNullability(String table, String column, boolean nullable) implements Change {
        public Phase phase() {
            return Phase.ALTER_NULLABILITY;
        }

        public Change inverse() {
            return new AlterNullability(table, column, !nullable);
        }

        public String describe(String from, String to) {
            return table + "." + column + ": " + (nullable ? "NOT NULL in " + from + ", nullable in " + to
                    : "nullable in " + from + ", NOT NULL in " + to);
        }
    }

    record AlterDefault(String table, String column, Optional<SqlExpression> fromDefault,
                        Optional<SqlExpression> toDefault) implements Change {
        public Phase phase() {
            return toDefault.isEmpty() ? Phase.DROP_DEFAULT : Phase.SET_DEFAULT;
        }

        public Change inverse() {
            return new AlterDefault(table, column, toDefault, fromDefault);
        }

        public String describe(String from, String to) {
            return table + "." + column + ": default " + fromDefault.map(SqlExpression::canonical).orElse("none")
                    + " in " + from + ", " + toDefault.map(SqlExpression::canonical).orElse("none") + " in " + to;
        }
    }

    record AddPrimaryKey(String table, PrimaryKey key) implements Change {
        public Phase phase() {
            return Phase.ADD_PRIMARY_KEY;
        }

        public Change inverse() {
            return new DropPrimaryKey(table, key);
        }

        public String describe(String from, String to) {
            return where(table, key.columns()) + ": primary key " + key.name() + " in " + to + ", not in " + from;
        }
    }

    record DropPrimaryKey(String table, PrimaryKey key) implements Change {
        public Phase phase() {
            return Phase.DROP_PRIMARY_KEY;
        }

        public Change inverse() {
            return new AddPrimaryKey(table, key);
        }

        public String describe(String from, String to) {
            return where(table, key.columns()) + ": primary key " + key.name() + " in " + from + ", not in " + to;
        }
    }

    record AddIndex(String table, Index index) implements Change {
        public Phase phase() {
            return Phase.ADD_INDEX;
        }

        public Change inverse() {
            return new DropIndex(table, index);
        }

        public String describe(String from, String to) {
            return where(table, index.columns()) + ": " + index.describe() + " in " + to + ", not in " + from;
        }
    }

    record DropIndex(String table, Index index) implements Change {
        public Phase phase() {
            return Phase.DROP_INDEX;
        }

        public Change inverse() {
            return new AddIndex(table, index);
        }

        public String describe(String from, String to) {
            return where(table, index.columns()) + ": " + index.describe() + " in " + from + ", not in " + to;
        }
    }

    record AddForeignKey(String table, ForeignKey key) implements Change {
        public Phase phase() {
            return Phase.ADD_FOREIGN_KEY;
        }

        public Change inverse() {
            return new DropForeignKey(table, key);
        }

        public String describe(String from, String to) {
            return where(table, key.columns()) + ": " + key.describe() + " in " + to + ", not in " + from;
        }
    }

    record DropForeignKey(String table, ForeignKey key) implements Change {
        public Phase phase() {
            return Phase.DROP_FOREIGN_KEY;
        }

        public Change inverse() {
            return new AddForeignKey(table, key);
        }

        public String describe(String from, String to) {
            return where(table, key.columns()) + ": " + key.describe() + " in " + from + ", not in " + to;
        }
    }

    /** @param columns the columns the condition mentions, to name them in a description */
    record AddCheck(String table, Check check, List<String> columns) implements Change {
        public Phase phase() {
            return Phase.ADD_CHECK;
        }

        public Change inverse() {
            return new DropCheck(table, check, columns);
        }

        public String describe(String from, String to) {
            return where(table, columns) + ": check " + check.name() + " " + check.expression().canonical() + " in "
                    + to + ", not in " + from;
        }
    }

    record DropCheck(String table, Check check, List<String> columns) implements Change {
        public Phase phase() {
            return Phase.DROP_CHECK;
        }

        public Change inverse() {
            return new AddCheck(table, check, columns);
        }

        public String describe(String from, String to) {
            return where(table, columns) + ": check " + check.name() + " " + check.expression().canonical() + " in "
                    + from + ", not in " + to;
        }
    }

    /**
     * A constraint or index whose definition is unchanged but whose name is not, as after a rename of its table or
     * column; renaming it keeps the index instead of rebuilding it.
     *
     * @param kind {@code index} for a plain index, else the kind of constraint ({@code primary key}, {@code check}...)
     */
    record RenameConstraint(String table, String kind, String name, String newName, List<String> columns)
            implements Change {
        public Phase phase() {
            return Phase.RENAME_CONSTRAINT;
        }

        public Change inverse() {
            return new RenameConstraint(table, kind, newName, name, columns);
        }

        public boolean isIndex() {
            return kind.equals("index");
        }

        public String describe(String from, String to) {
            return where(table, columns) + ": " + kind + " " + name + " in " + from + " is named " + newName
                    + " in " + to;
        }
    }

    /**
     * A foreign key or CHECK added NOT VALID: PostgreSQL checks new rows at once, under a brief lock, and leaves the
     * scan of the rows already there to a {@link Validate} in a later revision, which locks out no writer.
     */
    record NotValid(Change constraint) implements Change {
        public NotValid {
            if (!(constraint instanceof AddForeignKey || constraint instanceof AddCheck)) {
                throw new IllegalArgumentException("only a foreign key or a check is added NOT VALID: " + constraint);
            }
        }

        public Phase phase() {
            return constraint.phase();
        }

        public Change inverse() {
            return constraint.inverse();
        }

        public String table() {
            return constraint.table();
        }

        public String describe(String from, String to) {
            return constraint.describe(from, to) + " (NOT VALID)";
        }
    }

    /**
     * VALIDATE CONSTRAINT: scans the rows under SHARE UPDATE EXCLUSIVE, which reads and writes pass. PostgreSQL
     * cannot make a constraint NOT VALID again, so the inverse drops it and adds it back NOT VALID, a brief lock
     * without a scan, which leaves the schema of the revision before exactly as it was.
     */
    record Validate(NotValid added, boolean validate) implements Change {
        public Validate(NotValid added) {
            this(added, true);
        }

        public Phase phase() {
            return Phase.ADD_FOREIGN_KEY;
        }

        public Change inverse() {
            return new Validate(added, !validate);
        }

        public String table() {
            return added.table();
        }

        /** The name of the constraint validated. */
        public String constraint() {
            if (added.constraint() instanceof AddForeignKey key) {
                return key.key().name();
            }
            return ((AddCheck) added.constraint()).check().name();
        }

        public String describe(String from, String to) {
            return table() + ": constraint " + constraint() + (validate ? " validated in " : " NOT VALID again in ")
                    + to;
        }
    }

    /**
     * A unique index, built CONCURRENTLY beforehand, made the UNIQUE constraint ({@code ADD CONSTRAINT … UNIQUE
     * USING INDEX}): a brief lock instead of a build under one. Undone by dropping the constraint, which drops the
     * index with it, and building the plain unique index again (in the rollback's transaction).
     */
    record UniqueUsingIndex(String table, Index index, boolean attach) implements Change {
        public Phase phase() {
            return attach ? Phase.ADD_INDEX : Phase.DROP_INDEX;
        }

        public Change inverse() {
            return new UniqueUsingIndex(table, index, !attach);
        }

        public String describe(String from, String to) {
            return where(table, index.columns()) + ": " + index.describe() + (attach ? " made a constraint in "
                    : " dropped in ") + to;
        }
    }

    /**
     * A trigger that keeps two columns of a table in step while a column moves (a rename, a type change): the
     * previous application version writes {@code source}, the new one {@code target}, and each write is copied to
     * the other column (cast when the types differ). A plpgsql function and a BEFORE INSERT OR UPDATE trigger, both
     * named {@code <table>_sync_<source>_<target>}; undone by dropping both.
     */
    record SyncTrigger(String table, Column source, Column target, boolean create) implements Change {
        public Phase phase() {
            return create ? Phase.ADD_FOREIGN_KEY : Phase.DROP_FOREIGN_KEY;
        }

        public Change inverse() {
            return new SyncTrigger(table, source, target, !create);
        }

        /** The function's and the trigger's name, cut to PostgreSQL's 63 bytes. */
        public String name() {
            String name = table + "_sync_" + source.name() + "_" + target.name();
            return name.length() > 63 ? name.substring(0, 63) : name;
        }

        public String describe(String from, String to) {
            return table + "." + source.name() + " and " + table + "." + target.name() + ": kept in step by trigger "
                    + name() + (create ? " from " : " until ") + to;
        }
    }

    /**
     * The old column of a move dropped once the previous application version is gone; its values live on in
     * {@code kept}. Undone by adding it again nullable, filling it from {@code kept}, and only then restoring its NOT
     * NULL and default: a plain re-add of a NOT NULL column without a default would fail on a table with rows.
     *
     * @param dependents the drops of the indexes, checks and foreign keys on the dropped column, which DROP COLUMN
     *                   takes with it; undone after the column is filled
     */
    record DropMovedColumn(String table, Column dropped, Column kept, List<Change> dependents, boolean drop)
            implements Change {
        public DropMovedColumn {
            dependents = List.copyOf(dependents);
        }

        public Phase phase() {
            return drop ? Phase.DROP_COLUMN : Phase.ADD_COLUMN;
        }

        public Change inverse() {
            return new DropMovedColumn(table, dropped, kept, dependents, !drop);
        }

        public String describe(String from, String to) {
            return table + "." + dropped.name() + ": " + (drop ? "dropped in " + to + ", its values kept in "
                    : "added again in " + to + ", filled from ") + table + "." + kept.name();
        }
    }
}
