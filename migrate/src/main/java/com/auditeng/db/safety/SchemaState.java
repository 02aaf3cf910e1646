package com.auditeng.db.safety;

import com.auditeng.db.migrate.Operation;
import com.auditeng.db.migrate.Operation.AddColumn;
import com.auditeng.db.migrate.Operation.AddConstraint;
import com.auditeng.db.migrate.Operation.AlterType;
import com.auditeng.db.migrate.Operation.ConstraintKind;
import com.auditeng.db.migrate.Operation.CreateIndex;
import com.auditeng.db.migrate.Operation.CreateTable;
import com.auditeng.db.migrate.Operation.DropColumn;
import com.auditeng.db.migrate.Operation.DropConstraint;
import com.auditeng.db.migrate.Operation.DropTable;
import com.auditeng.db.migrate.Operation.Rename;
import com.auditeng.db.migrate.Operation.ValidateConstraint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema as lint knows it at one step: the facts it started from, changed by every operation read so far, and
 * what the revision being read has done itself (tables it created, constraints it added NOT VALID). Rules ask it
 * about the state before the operation they judge.
 */
final class SchemaState {
    private final SchemaFacts facts;
    private final Map<String, String> types = new HashMap<>();
    private final Set<String> dropped = new HashSet<>();
    private final Map<String, String> notNullChecks = new HashMap<>();
    private final Set<String> validatedNotNull = new HashSet<>();
    private final Set<String> createdHere = new HashSet<>();
    private final Set<String> notValidHere = new HashSet<>();
    private final Map<String, String> indexTables = new HashMap<>();
    private boolean transactional = true;

    SchemaState(SchemaFacts facts) {
        this.facts = facts;
    }

    /** Starts reading a revision: what the previous one created or added is no longer "here". */
    void enterRevision(boolean transactional) {
        this.transactional = transactional;
        createdHere.clear();
        notValidHere.clear();
    }

    boolean isTransactional() {
        return transactional;
    }

    /** Whether the revision being read created {@code table}: a new table is empty and no running code uses it. */
    boolean isCreatedHere(String table) {
        return createdHere.contains(table);
    }

    /** The type of the column before this step; empty when neither the revisions read nor the facts say. */
    Optional<ColumnType> typeOf(String table, String column) {
        String key = key(table, column);
        if (types.containsKey(key)) {
            return Optional.of(ColumnType.parse(types.get(key)));
        }
        return dropped.contains(key) ? Optional.empty() : facts.columnType(table, column).map(ColumnType::parse);
    }

    boolean hasValidatedNotNullCheck(String table, String column) {
        return validatedNotNull.contains(key(table, column))
                || !dropped.contains(key(table, column)) && facts.hasValidatedNotNullCheck(table, column);
    }

    /** Whether the revision being read added the constraint NOT VALID. */
    boolean isAddedNotValidHere(String table, String constraint) {
        return notValidHere.contains(key(table, constraint));
    }

    /** The table of an index the revisions read created, or that the facts know. */
    Optional<String> tableOfIndex(String index) {
        return Optional.ofNullable(indexTables.get(index)).or(() -> facts.tableOfIndex(index));
    }

    void apply(Operation operation) {
        if (operation instanceof CreateIndex create) {
            indexTables.put(create.name(), create.table());
        } else if (operation instanceof CreateTable create) {
            createdHere.add(create.table());
            create.columns().forEach(column -> types.put(key(create.table(), column.name()), column.type()));
        } else if (operation instanceof AddColumn add) {
            types.put(key(add.table(), add.column().name()), add.column().type());
        } else if (operation instanceof AlterType alter) {
            types.put(key(alter.table(), alter.column()), alter.type());
        } else if (operation instanceof DropColumn drop) {
            forget(key(drop.table(), drop.column()));
        } else if (operation instanceof DropTable drop) {
            types.keySet().removeIf(key -> key.startsWith(drop.table() + "\u0000"));
        } else if (operation instanceof Rename rename && rename.column().isEmpty()) {
            String from = rename.table() + "\u0000";
            for (String key : List.copyOf(types.keySet())) {
                if (key.startsWith(from)) {
                    types.put(key(rename.newName(), key.substring(from.length())), types.remove(key));
                }
            }
        } else if (operation instanceof Rename rename) {
            Optional<ColumnType> known = typeOf(rename.table(), rename.column());
            forget(key(rename.table(), rename.column()));
            known.ifPresent(type -> types.put(key(rename.table(), rename.newName()), type.toString()));
        } else if (operation instanceof AddConstraint add && add.kind() == ConstraintKind.CHECK) {
            if (add.notValid()) {
                notValidHere.add(key(add.table(), add.name()));
            }
            if (!add.notNullColumn().isEmpty()) {
                notNullChecks.put(key(add.table(), add.name()), add.notNullColumn());
                if (!add.notValid()) {
                    validatedNotNull.add(key(add.table(), add.notNullColumn()));
                }
            }
        } else if (operation instanceof AddConstraint add && add.notValid()) {
            notValidHere.add(key(add.table(), add.name()));
        } else if (operation instanceof ValidateConstraint validate) {
            Optional.ofNullable(notNullChecks.get(key(validate.table(), validate.name())))
                    .or(() -> facts.notNullCheckColumn(validate.table(), validate.name()))
                    .ifPresent(column -> validatedNotNull.add(key(validate.table(), column)));
        } else if (operation instanceof DropConstraint drop) {
            String column = notNullChecks.remove(key(drop.table(), drop.name()));
            if (column != null) {
                validatedNotNull.remove(key(drop.table(), column));
            }
        }
    }

    private void forget(String key) {
        types.remove(key);
        dropped.add(key);
        validatedNotNull.remove(key);
    }

    private static String key(String table, String name) {
        return table + "\u0000" + name;
    }
}
