package com.auditeng.db.autogen;

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
import com.auditeng.db.autogen.Change.RenameConstraint;
import com.auditeng.db.autogen.Change.RenameConstraint.Kind;
import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.SchemaSnapshot.Check;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.ForeignKey;
import com.auditeng.db.schema.SchemaSnapshot.Index;
import com.auditeng.db.schema.SchemaSnapshot.PrimaryKey;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The steps that turn one schema into another, in an order PostgreSQL can run ({@link Change.Phase}): what
 * {@code db revision --autogenerate} writes, what {@code db check} and {@code db verify} report.
 */
public final class SchemaDiff {
    private final List<Change> changes = new ArrayList<>();

    private SchemaDiff() {
    }

    /** The steps from {@code from} to {@code to}; none when the schemas are equal. */
    public static List<Change> between(SchemaSnapshot from, SchemaSnapshot to) {
        SchemaDiff diff = new SchemaDiff();
        TreeSet<String> names = new TreeSet<>(from.tables().keySet());
        names.addAll(to.tables().keySet());
        for (String name : names) {
            Optional<Table> before = from.table(name);
            Optional<Table> after = to.table(name);
            if (before.isEmpty()) {
                diff.changes.add(new CreateTable(after.get().withoutForeignKeys()));
                after.get().foreignKeys().values().forEach(key -> diff.changes.add(new AddForeignKey(name, key)));
            } else if (after.isEmpty()) {
                before.get().foreignKeys().values().forEach(key -> diff.changes.add(new DropForeignKey(name, key)));
                diff.changes.add(new DropTable(before.get().withoutForeignKeys()));
            } else {
                diff.compare(before.get(), after.get());
            }
        }
        // a stable sort: within one phase, steps keep the order of table and object names
        diff.changes.sort(Comparator.comparing(Change::phase));
        return List.copyOf(diff.changes);
    }

    private void compare(Table before, Table after) {
        String table = after.name();
        for (Column column : after.columns().values()) {
            if (before.column(column.name()).isEmpty()) {
                changes.add(new AddColumn(table, column));
            }
        }
        for (Column column : before.columns().values()) {
            Optional<Column> target = after.column(column.name());
            if (target.isEmpty()) {
                changes.add(new DropColumn(table, column));
            } else {
                compare(table, column, target.get());
            }
        }
        comparePrimaryKeys(table, before.primaryKey(), after.primaryKey());
        compareNamed(before.indexes(), after.indexes(), Index::name,
                (one, other) -> one.columns().equals(other.columns()) && one.options().equals(other.options())
                        && one.unique() == other.unique() && one.constraint() == other.constraint(),
                index -> new AddIndex(table, index), index -> new DropIndex(table, index),
                (index, newName) -> new RenameConstraint(table,
                        index.constraint() ? Kind.UNIQUE_CONSTRAINT : Kind.INDEX,
                        index.name(), newName, index.columns()));
        compareNamed(before.foreignKeys(), after.foreignKeys(), ForeignKey::name,
                (one, other) -> one.columns().equals(other.columns())
                        && one.referencedTable().equals(other.referencedTable())
                        && one.referencedColumns().equals(other.referencedColumns())
                        && one.onDelete().equals(other.onDelete()),
                key -> new AddForeignKey(table, key), key -> new DropForeignKey(table, key),
                (key, newName) -> new RenameConstraint(table, Kind.FOREIGN_KEY, key.name(), newName, key.columns()));
        compareNamed(before.checks(), after.checks(), Check::name,
                (one, other) -> one.expression().equals(other.expression()) && one.validated() == other.validated(),
                check -> new AddCheck(table, check, mentioned(after, check)),
                check -> new DropCheck(table, check, mentioned(before, check)),
                (check, newName) -> new RenameConstraint(table, Kind.CHECK, check.name(), newName,
                        mentioned(before, check)));
    }

    private void compare(String table, Column before, Column after) {
        if (!before.type().equals(after.type())) {
            // the old default goes first and the new one comes after: ALTER TYPE would convert the old default,
            // which fails between unrelated types and leaves a cast-wrapped default otherwise
            before.defaultValue().ifPresent(value ->
                    changes.add(new AlterDefault(table, before.name(), Optional.of(value), Optional.empty())));
            changes.add(new AlterType(table, before.name(), before.type(), after.type()));
            after.defaultValue().ifPresent(value ->
                    changes.add(new AlterDefault(table, before.name(), Optional.empty(), Optional.of(value))));
        } else if (!before.defaultValue().equals(after.defaultValue())) {
            changes.add(new AlterDefault(table, before.name(), before.defaultValue(), after.defaultValue()));
        }
        if (before.nullable() != after.nullable()) {
            changes.add(new AlterNullability(table, before.name(), after.nullable()));
        }
    }

    private void comparePrimaryKeys(String table, Optional<PrimaryKey> before, Optional<PrimaryKey> after) {
        if (before.equals(after)) {
            return;
        }
        if (before.isPresent() && after.isPresent() && before.get().columns().equals(after.get().columns())) {
            changes.add(new RenameConstraint(table, Kind.PRIMARY_KEY, before.get().name(), after.get().name(),
                    before.get().columns()));
            return;
        }
        before.ifPresent(key -> changes.add(new DropPrimaryKey(table, key)));
        after.ifPresent(key -> changes.add(new AddPrimaryKey(table, key)));
    }

    /**
     * Compares indexes, foreign keys or checks by name. One that changed is dropped and added again; one that
     * is only named differently (its table or column was renamed) is renamed, which keeps it and its index.
     */
    private <T> void compareNamed(Map<String, T> before, Map<String, T> after, Function<T, String> name,
                                  BiPredicate<T, T> sameDefinition, Function<T, Change> add, Function<T, Change> drop,
                                  RenameStep<T> rename) {
        List<T> added = new ArrayList<>();
        for (T object : after.values()) {
            T old = before.get(name.apply(object));
            if (old == null) {
                added.add(object);
            } else if (!old.equals(object)) {
                changes.add(drop.apply(old));
                changes.add(add.apply(object));
            }
        }
        for (T old : before.values()) {
            if (after.containsKey(name.apply(old))) {
                continue;
            }
            Optional<T> renamed = added.stream().filter(object -> sameDefinition.test(old, object)).findFirst();
            if (renamed.isPresent()) {
                added.remove(renamed.get());
                changes.add(rename.apply(old, name.apply(renamed.get())));
            } else {
                changes.add(drop.apply(old));
            }
        }
        added.forEach(object -> changes.add(add.apply(object)));
    }

    /** The columns of {@code table} that a check's condition names, in the table's order. */
    private static List<String> mentioned(Table table, Check check) {
        return table.columns().keySet().stream()
                .filter(column -> Pattern.compile("\\b" + Pattern.quote(column) + "\\b")
                        .matcher(check.expression().canonical()).find())
                .toList();
    }

    private interface RenameStep<T> {
        Change apply(T object, String newName);
    }
}
