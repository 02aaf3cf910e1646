package com.auditeng.db.autogen;

import com.auditeng.db.autogen.Change.AddColumn;
import com.auditeng.db.autogen.Change.CreateTable;
import com.auditeng.db.autogen.Change.DropColumn;
import com.auditeng.db.autogen.Change.DropTable;
import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A drop and an add that look like one rename: a column dropped and one of the same type added in the same table,
 * or a table dropped and one with the same columns added. Written as drop and add, the rename would lose the data,
 * so it is flagged with the {@code --rename} hint that keeps it.
 *
 * @param table   the table of a column rename; empty for a table rename
 * @param oldName the dropped column or table
 * @param newName the added column or table
 */
public record LikelyRename(Optional<String> table, String oldName, String newName, String type) {

    /** The likely renames among {@code changes}; each dropped column pairs with at most one added column. */
    public static List<LikelyRename> among(List<Change> changes) {
        List<LikelyRename> renames = new ArrayList<>();
        List<AddColumn> addedColumns = new ArrayList<>();
        List<CreateTable> addedTables = new ArrayList<>();
        for (Change change : changes) {
            if (change instanceof AddColumn add) {
                addedColumns.add(add);
            } else if (change instanceof CreateTable create) {
                addedTables.add(create);
            }
        }
        for (Change change : changes) {
            if (change instanceof DropColumn drop) {
                addedColumns.stream()
                        .filter(add -> add.table().equals(drop.table())
                                && add.column().type().equals(drop.column().type()))
                        .findFirst().ifPresent(add -> {
                            addedColumns.remove(add);
                            renames.add(new LikelyRename(Optional.of(drop.table()), drop.column().name(),
                                    add.column().name(), add.column().type()));
                        });
            } else if (change instanceof DropTable drop) {
                addedTables.stream().filter(create -> shape(create.definition()).equals(shape(drop.definition())))
                        .findFirst().ifPresent(create -> {
                            addedTables.remove(create);
                            renames.add(new LikelyRename(Optional.empty(), drop.table(), create.table(), "table"));
                        });
            }
        }
        return renames;
    }

    /** The {@code --rename} argument that makes this a rename. */
    public String hint() {
        return table.map(name -> name + "." + oldName + "=" + newName).orElse(oldName + "=" + newName);
    }

    /** Whether {@code change} is the drop this rename would replace. */
    public boolean isDropOf(Change change) {
        if (change instanceof DropColumn drop) {
            return table.equals(Optional.of(drop.table())) && drop.column().name().equals(oldName);
        }
        return change instanceof DropTable drop && table.isEmpty() && drop.table().equals(oldName);
    }

    public String describe() {
        String what = table.map(name -> "column " + name + "." + oldName + " is dropped and " + name + "." + newName
                + " (" + type + ") added").orElse("table " + oldName + " is dropped and " + newName
                + " added with the same columns");
        return "likely rename: " + what + "; if it is a rename, rerun with --rename " + hint() + " to keep the data";
    }

    private static Map<String, String> shape(Table table) {
        return table.columns().values().stream().collect(Collectors.toMap(Column::name, Column::type));
    }
}
