// One file for every change on purpose: a change and its inverse render side by side, which is how one checks that
// a rollback undoes its upgrade; only the moves, with their trigger, have a class of their own.
package com.auditeng.db.autogen;

import com.auditeng.db.schema.SqlType;

import com.auditeng.db.schema.SqlIdentifier;

import com.auditeng.db.schema.SchemaSnapshot;

import com.auditeng.db.autogen.Change.AddCheck;
import com.auditeng.db.autogen.Change.AddColumn;
import com.auditeng.db.autogen.Change.AddForeignKey;
import com.auditeng.db.autogen.Change.AddIndex;
import com.auditeng.db.autogen.Change.AddPrimaryKey;
import com.auditeng.db.autogen.Change.AlterDefault;
import com.auditeng.db.autogen.Change.AlterNullability;
import com.auditeng.db.autogen.Change.AlterType;
import com.auditeng.db.autogen.Change.CreateTable;
import com.auditeng.db.autogen.Change.DropCheck;
import com.auditeng.db.autogen.Change.DropColumn;
import com.auditeng.db.autogen.Change.DropForeignKey;
import com.auditeng.db.autogen.Change.DropIndex;
import com.auditeng.db.autogen.Change.DropPrimaryKey;
import com.auditeng.db.autogen.Change.DropTable;
import com.auditeng.db.autogen.Change.RenameColumn;
import com.auditeng.db.autogen.Change.RenameConstraint;
import com.auditeng.db.autogen.Change.RenameTable;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Each {@link Change} as Liquibase YAML change entries ({@code - addColumn: ...}), one line per list item or field.
 * Liquibase Community has no change for check constraints or index renames, so those are {@code sql} changes.
 */
final class LiquibaseChanges {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // YAML 1.1, which SnakeYAML reads, takes these plain words for booleans and null
    private static final Pattern YAML_WORDS = Pattern.compile("(?i)y|yes|n|no|true|false|on|off|null");

    private LiquibaseChanges() {
    }

    /** The YAML list items that perform {@code change}, each line relative to the list's indentation. */
    static List<String> render(Change change) {
        List<String> lines = new ArrayList<>();
        if (change instanceof CreateTable create) {
            createTable(create.definition(), lines);
        } else if (change instanceof DropTable drop) {
            lines.add("- dropTable: {tableName: " + scalar(drop.table()) + "}");
        } else if (change instanceof RenameTable rename) {
            lines.add("- renameTable: {oldTableName: " + scalar(rename.table()) + ", newTableName: "
                    + scalar(rename.newName()) + "}");
        } else if (change instanceof AddColumn add) {
            lines.add("- addColumn:");
            lines.add("    tableName: " + scalar(add.table()));
            lines.add("    columns:");
            lines.add("      - column: " + column(add.column(), Optional.empty()));
        } else if (change instanceof DropColumn drop) {
            lines.add("- dropColumn: {tableName: " + scalar(drop.table()) + ", columnName: "
                    + scalar(drop.column().name()) + "}");
        } else if (change instanceof RenameColumn rename) {
            lines.add("- renameColumn: {tableName: " + scalar(rename.table()) + ", oldColumnName: "
                    + scalar(rename.column()) + ", newColumnName: " + scalar(rename.newName()) + "}");
        } else if (change instanceof AlterType alter) {
            lines.add("- modifyDataType: {tableName: " + scalar(alter.table()) + ", columnName: "
                    + scalar(alter.column()) + ", newDataType: " + scalar(SqlType.liquibase(alter.toType())) + "}");
        } else if (change instanceof AlterNullability alter) {
            lines.add("- " + (alter.nullable() ? "dropNotNullConstraint" : "addNotNullConstraint") + ": {tableName: "
                    + scalar(alter.table()) + ", columnName: " + scalar(alter.column()) + "}");
        } else if (change instanceof AlterDefault alter) {
            String target = "{tableName: " + scalar(alter.table()) + ", columnName: " + scalar(alter.column());
            lines.add(alter.toDefault().map(value -> "- addDefaultValue: " + target + ", defaultValueComputed: "
                    + scalar(value.source()) + "}").orElse("- dropDefaultValue: " + target + "}"));
        } else if (change instanceof Change.SyncTrigger sync) {
            MovedColumnChanges.syncTrigger(sync, lines);
        } else if (change instanceof Change.DropMovedColumn drop) {
            MovedColumnChanges.dropMovedColumn(drop, lines);
        } else {
            renderConstraint(change, lines);
        }
        return lines;
    }

    /** A short name for the change set of {@code change}: {@code add-index-ix_users_email}. */
    static String label(Change change) {
        String kind = change.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        // a constraint's name already holds its table; a column's needs the table in front
        String subject = constraintName(change)
                .or(() -> columnName(change).map(column -> change.table() + "-" + column))
                .orElse(change.table());
        return (kind + "-" + subject).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static Optional<String> columnName(Change change) {
        if (change instanceof AddColumn add) {
            return Optional.of(add.column().name());
        } else if (change instanceof DropColumn drop) {
            return Optional.of(drop.column().name());
        } else if (change instanceof RenameColumn rename) {
            return Optional.of(rename.column());
        } else if (change instanceof AlterType alter) {
            return Optional.of(alter.column());
        } else if (change instanceof AlterNullability alter) {
            return Optional.of(alter.column());
        } else if (change instanceof AlterDefault alter) {
            return Optional.of(alter.column());
        } else if (change instanceof Change.DropMovedColumn drop) {
            return Optional.of(drop.dropped().name());
        }
        return Optional.empty();
    }

    private static Optional<String> constraintName(Change change) {
        if (change instanceof AddPrimaryKey add) {
            return Optional.of(add.key().name());
        } else if (change instanceof DropPrimaryKey drop) {
            return Optional.of(drop.key().name());
        } else if (change instanceof AddIndex add) {
            return Optional.of(add.index().name());
        } else if (change instanceof DropIndex drop) {
            return Optional.of(drop.index().name());
        } else if (change instanceof AddForeignKey add) {
            return Optional.of(add.key().name());
        } else if (change instanceof DropForeignKey drop) {
            return Optional.of(drop.key().name());
        } else if (change instanceof AddCheck add) {
            return Optional.of(add.check().name());
        } else if (change instanceof DropCheck drop) {
            return Optional.of(drop.check().name());
        } else if (change instanceof RenameConstraint rename) {
            return Optional.of(rename.name());
        } else if (change instanceof Change.NotValid notValid) {
            return constraintName(notValid.constraint());
        } else if (change instanceof Change.Validate validate) {
            return Optional.of(validate.constraint());
        } else if (change instanceof Change.UniqueUsingIndex unique) {
            return Optional.of(unique.index().name());
        } else if (change instanceof Change.SyncTrigger sync) {
            return Optional.of(sync.name());
        }
        return Optional.empty();
    }

    private static void renderConstraint(Change change, List<String> lines) {
        if (change instanceof AddPrimaryKey add) {
            lines.add("- addPrimaryKey: {tableName: " + scalar(add.table()) + ", columnNames: "
                    + scalar(String.join(", ", add.key().columns())) + ", constraintName: " + scalar(add.key().name())
                    + "}");
        } else if (change instanceof DropPrimaryKey drop) {
            lines.add("- dropPrimaryKey: {tableName: " + scalar(drop.table()) + ", constraintName: "
                    + scalar(drop.key().name()) + "}");
        } else if (change instanceof AddIndex add) {
            index(add.table(), add.index(), lines);
        } else if (change instanceof DropIndex drop) {
            lines.add(drop.index().constraint()
                    ? "- dropUniqueConstraint: {tableName: " + scalar(drop.table()) + ", constraintName: "
                    + scalar(drop.index().name()) + "}"
                    : "- dropIndex: {tableName: " + scalar(drop.table()) + ", indexName: " + scalar(drop.index().name())
                    + "}");
        } else if (change instanceof AddForeignKey add) {
            lines.add("- addForeignKeyConstraint: {baseTableName: " + scalar(add.table()) + ", baseColumnNames: "
                    + scalar(String.join(", ", add.key().columns())) + ", constraintName: " + scalar(add.key().name())
                    + ", referencedTableName: " + scalar(add.key().referencedTable()) + ", referencedColumnNames: "
                    + scalar(String.join(", ", add.key().referencedColumns())) + ", onDelete: "
                    + scalar(add.key().onDelete()) + "}");
        } else if (change instanceof DropForeignKey drop) {
            lines.add("- dropForeignKeyConstraint: {baseTableName: " + scalar(drop.table()) + ", constraintName: "
                    + scalar(drop.key().name()) + "}");
        } else if (change instanceof AddCheck add) {
            lines.add(sql(addCheck(add.table(), add.check())));
        } else if (change instanceof Change.NotValid notValid && notValid.constraint() instanceof AddForeignKey add) {
            lines.add(sql(addForeignKey(add) + " NOT VALID"));
        } else if (change instanceof Change.NotValid notValid && notValid.constraint() instanceof AddCheck add) {
            lines.add(sql(addCheck(add.table(), add.check()) + " NOT VALID"));
        } else if (change instanceof Change.UniqueUsingIndex unique) {
            String name = SqlIdentifier.quote(unique.index().name());
            String table = SqlIdentifier.quote(unique.table());
            if (unique.attach()) {
                lines.add(sql("ALTER TABLE " + table + " ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name));
            } else {
                // dropping the constraint drops its index; the index stands again as the revision before left it
                lines.add(sql("ALTER TABLE " + table + " DROP CONSTRAINT " + name));
                lines.add(sql("CREATE UNIQUE INDEX " + name + " ON " + table + " ("
                        + String.join(", ", unique.index().elements()) + ")"));
            }
        } else if (change instanceof Change.Validate validate) {
            String table = SqlIdentifier.quote(validate.table());
            String name = SqlIdentifier.quote(validate.constraint());
            if (validate.validate()) {
                lines.add(sql("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name));
            } else {
                lines.add(sql("ALTER TABLE " + table + " DROP CONSTRAINT " + name));
                lines.addAll(render(validate.added()));
            }
        } else if (change instanceof DropCheck drop) {
            lines.add(sql("ALTER TABLE " + SqlIdentifier.quote(drop.table()) + " DROP CONSTRAINT "
                    + SqlIdentifier.quote(drop.check().name())));
        } else if (change instanceof RenameConstraint rename) {
            lines.add(sql(rename.isIndex()
                    ? "ALTER INDEX " + SqlIdentifier.quote(rename.name()) + " RENAME TO "
                    + SqlIdentifier.quote(rename.newName())
                    : "ALTER TABLE " + SqlIdentifier.quote(rename.table()) + " RENAME CONSTRAINT "
                    + SqlIdentifier.quote(rename.name()) + " TO " + SqlIdentifier.quote(rename.newName())));
        } else {
            throw new IllegalStateException("no Liquibase rendering for " + change);
        }
    }

    private static void createTable(Table table, List<String> lines) {
        lines.add("- createTable:");
        lines.add("    tableName: " + scalar(table.name()));
        lines.add("    columns:");
        for (Column column : table.columns().values()) {
            boolean inKey = table.primaryKey().map(key -> key.columns().contains(column.name())).orElse(false);
            lines.add("      - column: " + column(column,
                    inKey ? table.primaryKey().map(key -> key.name()) : Optional.empty()));
        }
        for (Index index : table.indexes().values()) {
            index(table.name(), index, lines);
        }
        for (Check check : table.checks().values()) {
            lines.add(sql(addCheck(table.name(), check)));
        }
    }

    static String column(Column column, Optional<String> primaryKeyName) {
        StringBuilder text = new StringBuilder("{name: ").append(scalar(column.name()))
                .append(", type: ").append(scalar(SqlType.liquibase(column.type())));
        column.defaultValue()
                .ifPresent(value -> text.append(", defaultValueComputed: ").append(scalar(value.source())));
        List<String> constraints = new ArrayList<>();
        if (!column.nullable()) {
            constraints.add("nullable: false");
        }
        primaryKeyName.ifPresent(name -> {
            constraints.add("primaryKey: true");
            constraints.add("primaryKeyName: " + scalar(name));
        });
        if (!constraints.isEmpty()) {
            text.append(", constraints: {").append(String.join(", ", constraints)).append('}');
        }
        return text.append('}').toString();
    }

    private static void index(String table, Index index, List<String> lines) {
        if (index.constraint()) {
            lines.add("- addUniqueConstraint: {tableName: " + scalar(table) + ", columnNames: "
                    + scalar(String.join(", ", index.columns())) + ", constraintName: " + scalar(index.name()) + "}");
            return;
        }
        lines.add("- createIndex:");
        lines.add("    tableName: " + scalar(table));
        lines.add("    indexName: " + scalar(index.name()));
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
    }

    private static String addForeignKey(AddForeignKey add) {
        return "ALTER TABLE " + SqlIdentifier.quote(add.table()) + " ADD CONSTRAINT " + SqlIdentifier.quote(add.key().name())
                + " FOREIGN KEY (" + add.key().columns().stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "))
                + ") REFERENCES " + SqlIdentifier.quote(add.key().referencedTable()) + " ("
                + add.key().referencedColumns().stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "))
                + ") ON DELETE " + add.key().onDelete();
    }

    private static String addCheck(String table, Check check) {
        return "ALTER TABLE " + SqlIdentifier.quote(table) + " ADD CONSTRAINT " + SqlIdentifier.quote(check.name())
                + " CHECK (" + check.expression().source() + ")";
    }

    // splitStatements off: a ';' inside a check's string literal must not cut the statement in two
    static String sql(String statement) {
        return "- sql: {sql: " + scalar(statement) + ", splitStatements: false}";
    }

    /** A YAML scalar: plain when it is a simple name, double-quoted otherwise. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !YAML_WORDS.matcher(value).matches()) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char character : value.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(character);
            }
        }
        return quoted.append('"').toString();
    }
}
