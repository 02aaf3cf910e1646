package com.auditeng.db.migrate;

import com.auditeng.db.migrate.Operation.AddColumn;
import com.auditeng.db.migrate.Operation.AddConstraint;
import com.auditeng.db.migrate.Operation.AlterType;
import com.auditeng.db.migrate.Operation.Column;
import com.auditeng.db.migrate.Operation.ConstraintKind;
import com.auditeng.db.migrate.Operation.CreateIndex;
import com.auditeng.db.migrate.Operation.CreateTable;
import com.auditeng.db.migrate.Operation.DropColumn;
import com.auditeng.db.migrate.Operation.DropIndex;
import com.auditeng.db.migrate.Operation.DropTable;
import com.auditeng.db.migrate.Operation.Rename;
import com.auditeng.db.migrate.Operation.SetNotNull;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.AddNotNullConstraintChange;
import liquibase.change.core.AddPrimaryKeyChange;
import liquibase.change.core.AddUniqueConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operations of a typed Liquibase change, read from its attributes rather than from the SQL it generates:
 * {@code addNotNullConstraint} says SET NOT NULL whatever its {@code validate} says (Liquibase ignores that on
 * PostgreSQL), {@code addUniqueConstraint} with {@code forIndexName} reuses an index, {@code dropIndex} names its
 * table.
 * Changes not listed here (and {@code sql}) are read from the tokens of their statements instead.
 */
final class LiquibaseOperations {
    private LiquibaseOperations() {
    }

    static Optional<List<Operation>> of(Change change) {
        if (change instanceof CreateTableChange create) {
            return Optional.of(List.of(new CreateTable(name(create.getTableName()),
                    create.getColumns().stream().map(LiquibaseOperations::column).toList())));
        } else if (change instanceof DropTableChange drop) {
            return Optional.of(List.of(new DropTable(name(drop.getTableName()))));
        } else if (change instanceof AddColumnChange add) {
            return Optional.of(add.getColumns().stream()
                    .<Operation>map(column -> new AddColumn(name(add.getTableName()), column(column))).toList());
        } else if (change instanceof DropColumnChange drop) {
            List<String> columns = drop.getColumns() == null || drop.getColumns().isEmpty()
                    ? List.of(drop.getColumnName()) : drop.getColumns().stream().map(ColumnConfig::getName).toList();
            return Optional.of(columns.stream()
                    .<Operation>map(column -> new DropColumn(name(drop.getTableName()), name(column))).toList());
        } else if (change instanceof ModifyDataTypeChange modify) {
            return Optional.of(List.of(new AlterType(name(modify.getTableName()), name(modify.getColumnName()),
                    modify.getNewDataType(), "")));
        } else if (change instanceof AddNotNullConstraintChange notNull) {
            return Optional.of(List.of(new SetNotNull(name(notNull.getTableName()), name(notNull.getColumnName()))));
        } else if (change instanceof AddUniqueConstraintChange unique) {
            return Optional.of(List.of(new AddConstraint(name(unique.getTableName()), name(unique.getConstraintName()),
                    ConstraintKind.UNIQUE, false, unique.getForIndexName() != null, "")));
        } else if (change instanceof AddPrimaryKeyChange key) {
            return Optional.of(List.of(new AddConstraint(name(key.getTableName()), name(key.getConstraintName()),
                    ConstraintKind.PRIMARY_KEY, false, key.getForIndexName() != null, "")));
        } else if (change instanceof AddForeignKeyConstraintChange key) {
            return Optional.of(List.of(new AddConstraint(name(key.getBaseTableName()), name(key.getConstraintName()),
                    ConstraintKind.FOREIGN_KEY, Boolean.FALSE.equals(key.getValidate()), false, "")));
        } else if (change instanceof CreateIndexChange index) {
            // Liquibase has no CONCURRENTLY: a createIndex always blocks writes while it builds
            return Optional.of(List.of(new CreateIndex(name(index.getTableName()), name(index.getIndexName()),
                    Boolean.TRUE.equals(index.isUnique()), false)));
        } else if (change instanceof DropIndexChange drop) {
            return Optional.of(List.of(new DropIndex(name(drop.getTableName()), name(drop.getIndexName()), false)));
        } else if (change instanceof RenameColumnChange rename) {
            return Optional.of(List.of(new Rename(name(rename.getTableName()), name(rename.getOldColumnName()),
                    name(rename.getNewColumnName()))));
        } else if (change instanceof RenameTableChange rename) {
            return Optional.of(List.of(new Rename(name(rename.getOldTableName()), "",
                    name(rename.getNewTableName()))));
        }
        return Optional.empty();
    }

    private static Column column(ColumnConfig column) {
        ConstraintsConfig constraints = column.getConstraints();
        boolean notNull = constraints != null && (Boolean.FALSE.equals(constraints.isNullable())
                || Boolean.TRUE.equals(constraints.isPrimaryKey()));
        String defaultValue = "";
        if (column.getDefaultValueSequenceNext() != null) {
            defaultValue = "nextval('" + column.getDefaultValueSequenceNext().getValue() + "')";
        } else if (column.getDefaultValueComputed() != null) {
            defaultValue = column.getDefaultValueComputed().getValue();
        } else if (column.getDefaultValueObject() instanceof Number
                || column.getDefaultValueObject() instanceof Boolean) {
            defaultValue = String.valueOf(column.getDefaultValueObject());
        } else if (column.getDefaultValueObject() != null) {
            // a literal, even one that reads like a call: defaultValue 'random()' is the text random()
            defaultValue = "'" + String.valueOf(column.getDefaultValueObject()).replace("'", "''") + "'";
        }
        boolean generated = Boolean.TRUE.equals(column.isAutoIncrement()) || column.getGenerationType() != null;
        return new Column(name(column.getName()), column.getType() == null ? "" : column.getType(), notNull,
                defaultValue, generated);
    }

    // Liquibase quotes a mixed-case name ("Gauges") and writes any other bare, which PostgreSQL folds to lower case
    private static String name(String name) {
        if (name == null) {
            return "";
        }
        boolean mixed = !name.equals(name.toLowerCase(Locale.ROOT)) && !name.equals(name.toUpperCase(Locale.ROOT));
        return mixed ? name : name.toLowerCase(Locale.ROOT);
    }
}
