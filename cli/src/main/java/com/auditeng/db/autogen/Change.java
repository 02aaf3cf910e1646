// One file for the whole family on purpose: each step sits next to its inverse, with its description and its
// Liquibase YAML, and reading them together is how one sees that every rollback undoes exactly its upgrade. The YAML
// words the steps share are in LiquibaseChanges; a column move's trigger and refill in MovedColumnChanges.
package com.auditeng.db.autogen;

import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;
import com.auditeng.db.schema.SqlExpression;
import com.auditeng.db.schema.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.auditeng.db.autogen.LiquibaseChanges.dropConstraint;
import static com.auditeng.db.autogen.LiquibaseChanges.scalar;
import static com.auditeng.db.autogen.LiquibaseChanges.sql;

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

    /** The Liquibase YAML list items that perform this step ({@code - addColumn: ...}), relative to the list. */
    List<String> yaml();

    /** What the label of this step's change set names: its constraint, else its table and column, else its table. */
    default String subject() {
        return table();
    }

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

    /** A description of {@code what}, found in the schema {@code in} only. */
    private static String onlyIn(String what, String in, String notIn) {
        return what + " in " + in + ", not in " + notIn;
    }

    /** A step that adds a constraint PostgreSQL can add NOT VALID and validate later: a foreign key or a CHECK. */
    sealed interface AddConstraint extends Change {
        String constraintName();

        /** The ALTER TABLE … ADD CONSTRAINT statement, which NOT VALID may follow. */
        String statement();

        @Override
        default String subject() {
            return constraintName();
        }
    }

    /**
     * A step that takes away what its inverse adds: described as that addition seen from the other side, and labelled
     * by the same subject.
     */
    sealed interface Drop extends Change {
        @Override
        default String describe(String from, String to) {
            return inverse().describe(to, from);
        }

        @Override
        default String subject() {
            return inverse().subject();
        }
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
            return onlyIn(definition.name() + ": table", to, from);
        }

        public List<String> yaml() {
            List<String> lines = new ArrayList<>(List.of("- createTable:", "    tableName: " + scalar(table()),
                    "    columns:"));
            for (Column column : definition.columns().values()) {
                Optional<String> key = definition.primaryKey().filter(each -> each.columns().contains(column.name()))
                        .map(PrimaryKey::name);
                lines.add("      - column: " + LiquibaseChanges.column(column, key));
            }
            definition.indexes().values().forEach(index -> lines.addAll(new AddIndex(table(), index).yaml()));
            definition.checks().values().forEach(check -> lines.addAll(new AddCheck(table(), check, List.of()).yaml()));
            return lines;
        }
    }

    record DropTable(Table definition) implements Drop {
        public Phase phase() {
            return Phase.DROP_TABLE;
        }

        public Change inverse() {
            return new CreateTable(definition);
        }

        public String table() {
            return definition.name();
        }

        public List<String> yaml() {
            return List.of("- dropTable: {tableName: " + scalar(table()) + "}");
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

        public List<String> yaml() {
            return List.of("- renameTable: {oldTableName: " + scalar(table) + ", newTableName: " + scalar(newName)
                    + "}");
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
            return onlyIn(table + "." + column.name() + ": column (" + column.type()
                    + (column.nullable() ? "" : " NOT NULL") + ")", to, from);
        }

        public List<String> yaml() {
            return List.of("- addColumn:", "    tableName: " + scalar(table), "    columns:",
                    "      - column: " + LiquibaseChanges.column(column, Optional.empty()));
        }

        @Override
        public String subject() {
            return table + "-" + column.name();
        }
    }

    record DropColumn(String table, Column column) implements Drop {
        public Phase phase() {
            return Phase.DROP_COLUMN;
        }

        public Change inverse() {
            return new AddColumn(table, column);
        }

        // not the add's description turned round: the type and NOT NULL are what one needs to make a column
        public String describe(String from, String to) {
            return onlyIn(table + "." + column.name() + ": column", from, to);
        }

        public List<String> yaml() {
            return List.of("- dropColumn: {tableName: " + scalar(table) + ", columnName: " + scalar(column.name())
                    + "}");
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

        public List<String> yaml() {
            return List.of("- renameColumn: {tableName: " + scalar(table) + ", oldColumnName: " + scalar(column)
                    + ", newColumnName: " + scalar(newName) + "}");
        }

        @Override
        public String subject() {
            return table + "-" + column;
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

        public List<String> yaml() {
            return List.of("- modifyDataType: {tableName: " + scalar(table) + ", columnName: " + scalar(column)
                    + ", newDataType: " + scalar(SqlType.liquibase(toType)) + "}");
        }

        @Override
        public String subject() {
            return table + "-" + column;
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

        public List<String> yaml() {
            return List.of("- " + (nullable ? "dropNotNullConstraint" : "addNotNullConstraint") + ": {tableName: "
                    + scalar(table) + ", columnName: " + scalar(column) + "}");
        }

        @Override
        public String subject() {
            return table + "-" + column;
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

        public List<String> yaml() {
            String target = "{tableName: " + scalar(table) + ", columnName: " + scalar(column);
            return List.of(toDefault.map(value -> "- addDefaultValue: " + target + ", defaultValueComputed: "
                    + scalar(value.source()) + "}").orElse("- dropDefaultValue: " + target + "}"));
        }

        @Override
        public String subject() {
            return table + "-" + column;
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
            return onlyIn(where(table, key.columns()) + ": primary key " + key.name(), to, from);
        }

        public List<String> yaml() {
            return List.of("- addPrimaryKey: {tableName: " + scalar(table) + ", columnNames: "
                    + scalar(String.join(", ", key.columns())) + ", constraintName: " + scalar(key.name()) + "}");
        }

        @Override
        public String subject() {
            return key.name();
        }
    }

    record DropPrimaryKey(String table, PrimaryKey key) implements Drop {
        public Phase phase() {
            return Phase.DROP_PRIMARY_KEY;
        }

        public Change inverse() {
            return new AddPrimaryKey(table, key);
        }

        public List<String> yaml() {
            return List.of("- dropPrimaryKey: {tableName: " + scalar(table) + ", constraintName: "
                    + scalar(key.name()) + "}");
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
            return onlyIn(where(table, index.columns()) + ": " + index.describe(), to, from);
        }

        public List<String> yaml() {
            if (index.constraint()) {
                return List.of("- addUniqueConstraint: {tableName: " + scalar(table) + ", columnNames: "
                        + scalar(String.join(", ", index.columns())) + ", constraintName: " + scalar(index.name())
                        + "}");
            }
            List<String> lines = new ArrayList<>(List.of("- createIndex:", "    tableName: " + scalar(table),
                    "    indexName: " + scalar(index.name())));
            if (index.unique()) {
                lines.add("    unique: true");
            }
            lines.add("    columns:");
            for (int i = 0; i < index.columns().size(); i++) {
                // Liquibase writes a computed column as given, which is how an order or operator class gets through
                lines.add(index.options().get(i).isEmpty()
                        ? "      - column: {name: " + scalar(index.columns().get(i)) + "}"
                        : "      - column: {name: " + scalar(index.elements().get(i)) + ", computed: true}");
            }
            return lines;
        }

        @Override
        public String subject() {
            return index.name();
        }
    }

    record DropIndex(String table, Index index) implements Drop {
        public Phase phase() {
            return Phase.DROP_INDEX;
        }

        public Change inverse() {
            return new AddIndex(table, index);
        }

        public List<String> yaml() {
            return List.of(index.constraint()
                    ? "- dropUniqueConstraint: {tableName: " + scalar(table) + ", constraintName: "
                    + scalar(index.name()) + "}"
                    : "- dropIndex: {tableName: " + scalar(table) + ", indexName: " + scalar(index.name()) + "}");
        }
    }

    record AddForeignKey(String table, ForeignKey key) implements AddConstraint {
        public Phase phase() {
            return Phase.ADD_FOREIGN_KEY;
        }

        public Change inverse() {
            return new DropForeignKey(table, key);
        }

        public String describe(String from, String to) {
            return onlyIn(where(table, key.columns()) + ": " + key.describe(), to, from);
        }

        public List<String> yaml() {
            return List.of("- addForeignKeyConstraint: {baseTableName: " + scalar(table) + ", baseColumnNames: "
                    + scalar(String.join(", ", key.columns())) + ", constraintName: " + scalar(key.name())
                    + ", referencedTableName: " + scalar(key.referencedTable()) + ", referencedColumnNames: "
                    + scalar(String.join(", ", key.referencedColumns())) + ", onDelete: " + scalar(key.onDelete())
                    + "}");
        }

        public String constraintName() {
            return key.name();
        }

        public String statement() {
            return "ALTER TABLE " + SqlIdentifier.quote(table) + " ADD CONSTRAINT " + SqlIdentifier.quote(key.name())
                    + " FOREIGN KEY (" + quoted(key.columns()) + ") REFERENCES "
                    + SqlIdentifier.quote(key.referencedTable()) + " (" + quoted(key.referencedColumns())
                    + ") ON DELETE " + key.onDelete();
        }

        private static String quoted(List<String> columns) {
            return columns.stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "));
        }
    }

    record DropForeignKey(String table, ForeignKey key) implements Drop {
        public Phase phase() {
            return Phase.DROP_FOREIGN_KEY;
        }

        public Change inverse() {
            return new AddForeignKey(table, key);
        }

        public List<String> yaml() {
            return List.of("- dropForeignKeyConstraint: {baseTableName: " + scalar(table) + ", constraintName: "
                    + scalar(key.name()) + "}");
        }
    }

    /** @param columns the columns the condition mentions, to name them in a description */
    record AddCheck(String table, Check check, List<String> columns) implements AddConstraint {
        public Phase phase() {
            return Phase.ADD_CHECK;
        }

        public Change inverse() {
            return new DropCheck(table, check, columns);
        }

        public String describe(String from, String to) {
            return onlyIn(where(table, columns) + ": check " + check.name() + " " + check.expression().canonical(),
                    to, from);
        }

        // Liquibase Community has no change for a check constraint
        public List<String> yaml() {
            return List.of(sql(statement()));
        }

        public String constraintName() {
            return check.name();
        }

        public String statement() {
            return "ALTER TABLE " + SqlIdentifier.quote(table) + " ADD CONSTRAINT " + SqlIdentifier.quote(check.name())
                    + " CHECK (" + check.expression().source() + ")";
        }
    }

    record DropCheck(String table, Check check, List<String> columns) implements Drop {
        public Phase phase() {
            return Phase.DROP_CHECK;
        }

        public Change inverse() {
            return new AddCheck(table, check, columns);
        }

        public List<String> yaml() {
            return List.of(dropConstraint(table, check.name()));
        }
    }

    /**
     * A constraint or index whose definition is unchanged but whose name is not, as after a rename of its table or
     * column; renaming it keeps the index instead of rebuilding it.
     */
    record RenameConstraint(String table, Kind kind, String name, String newName, List<String> columns)
            implements Change {

        /** What is renamed, named as a description names it. */
        public enum Kind {
            PRIMARY_KEY("primary key"), UNIQUE_CONSTRAINT("unique constraint"), INDEX("index"),
            FOREIGN_KEY("foreign key"), CHECK("check");

            private final String words;

            Kind(String words) {
                this.words = words;
            }

            @Override
            public String toString() {
                return words;
            }
        }

        public Phase phase() {
            return Phase.RENAME_CONSTRAINT;
        }

        public Change inverse() {
            return new RenameConstraint(table, kind, newName, name, columns);
        }

        public String describe(String from, String to) {
            return where(table, columns) + ": " + kind + " " + name + " in " + from + " is named " + newName
                    + " in " + to;
        }

        // Liquibase Community has no change that renames an index or a constraint
        public List<String> yaml() {
            return List.of(sql(kind == Kind.INDEX
                    ? "ALTER INDEX " + SqlIdentifier.quote(name) + " RENAME TO " + SqlIdentifier.quote(newName)
                    : "ALTER TABLE " + SqlIdentifier.quote(table) + " RENAME CONSTRAINT " + SqlIdentifier.quote(name)
                    + " TO " + SqlIdentifier.quote(newName)));
        }

        @Override
        public String subject() {
            return name;
        }
    }

    /**
     * A foreign key or CHECK added NOT VALID: PostgreSQL checks new rows at once, under a brief lock, and leaves the
     * scan of the rows already there to a {@link Validate} in a later revision, which locks out no writer.
     */
    record NotValid(AddConstraint constraint) implements Change {
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

        public List<String> yaml() {
            return List.of(sql(constraint.statement() + " NOT VALID"));
        }

        @Override
        public String subject() {
            return constraint.subject();
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
            return added.constraint().constraintName();
        }

        public String describe(String from, String to) {
            return table() + ": constraint " + constraint() + (validate ? " validated in " : " NOT VALID again in ")
                    + to;
        }

        public List<String> yaml() {
            if (validate) {
                return List.of(sql("ALTER TABLE " + SqlIdentifier.quote(table()) + " VALIDATE CONSTRAINT "
                        + SqlIdentifier.quote(constraint())));
            }
            List<String> lines = new ArrayList<>(List.of(dropConstraint(table(), constraint())));
            lines.addAll(added.yaml());
            return lines;
        }

        @Override
        public String subject() {
            return constraint();
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

        public List<String> yaml() {
            String name = SqlIdentifier.quote(index.name());
            if (attach) {
                return List.of(sql("ALTER TABLE " + SqlIdentifier.quote(table) + " ADD CONSTRAINT " + name
                        + " UNIQUE USING INDEX " + name));
            }
            // dropping the constraint drops its index; the index stands again as the revision before left it
            return List.of(dropConstraint(table, index.name()), sql("CREATE UNIQUE INDEX " + name + " ON "
                    + SqlIdentifier.quote(table) + " (" + String.join(", ", index.elements()) + ")"));
        }

        @Override
        public String subject() {
            return index.name();
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
            return SqlIdentifier.truncate(table + "_sync_" + source.name() + "_" + target.name());
        }

        public String describe(String from, String to) {
            return table + "." + source.name() + " and " + table + "." + target.name() + ": kept in step by trigger "
                    + name() + (create ? " from " : " until ") + to;
        }

        public List<String> yaml() {
            return MovedColumnChanges.syncTrigger(this);
        }

        @Override
        public String subject() {
            return name();
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

        public List<String> yaml() {
            return drop ? new DropColumn(table, dropped).yaml() : MovedColumnChanges.addMovedColumnAgain(this);
        }

        @Override
        public String subject() {
            return table + "-" + dropped.name();
        }
    }
}
