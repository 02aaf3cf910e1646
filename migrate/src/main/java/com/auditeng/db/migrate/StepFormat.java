package com.auditeng.db.migrate;

import com.auditeng.db.config.CacheFolder;
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

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the compiled-revision cache writes steps: each operation as the number of its kind, then its fields.
 *
 * <p>Written by hand because Java serialization, which wrote them before, rebuilds a record through method handles
 * the JVM generates on first use and no start-up cache holds: reading the first revision from the cache took a
 * command 55 to 70 ms (JDK 25, with the start-up cache), against 6 for the next.
 */
final class StepFormat {
    // a kind's number is its place here: a new kind goes at the end (entries of older builds are never read: the
    // cache is kept per build of the jar)
    private static final List<Class<? extends Operation>> KINDS = List.of(CreateTable.class, DropTable.class,
            AddColumn.class, DropColumn.class, AlterType.class, SetNotNull.class, AddConstraint.class,
            ValidateConstraint.class, DropConstraint.class, CreateIndex.class, DropIndex.class, Reindex.class,
            Rename.class);

    private StepFormat() {
    }

    static void write(DataOutputStream out, List<Step> steps) throws IOException {
        out.writeInt(steps.size());
        for (Step step : steps) {
            out.writeInt(step.statements().size());
            for (String statement : step.statements()) {
                CacheFolder.writeText(out, statement);
            }
            CacheFolder.writeText(out, step.changeSet());
            CacheFolder.writeText(out, step.comment());
            out.writeInt(step.operations().size());
            for (Operation operation : step.operations()) {
                write(out, operation);
            }
        }
    }

    static List<Step> read(DataInputStream in) throws IOException {
        List<Step> steps = new ArrayList<>();   // not sized by the count read: a damaged entry may say anything
        for (int count = in.readInt(); count > 0; count--) {
            List<String> statements = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                statements.add(CacheFolder.readText(in));
            }
            String changeSet = CacheFolder.readText(in);
            String comment = CacheFolder.readText(in);
            List<Operation> operations = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                operations.add(readOperation(in));
            }
            steps.add(new Step(statements, changeSet, comment, operations));
        }
        return steps;
    }

    private static void write(DataOutputStream out, Operation operation) throws IOException {
        int kind = KINDS.indexOf(operation.getClass());
        if (kind < 0) {
            throw new IllegalStateException("no cache format for " + operation.getClass().getSimpleName());
        }
        out.writeByte(kind);
        text(out, operation.table());
        if (operation instanceof CreateTable create) {
            out.writeInt(create.columns().size());
            for (Column column : create.columns()) {
                write(out, column);
            }
        } else if (operation instanceof AddColumn add) {
            write(out, add.column());
        } else if (operation instanceof DropColumn drop) {
            text(out, drop.column());
        } else if (operation instanceof AlterType alter) {
            text(out, alter.column(), alter.type(), alter.using());
        } else if (operation instanceof SetNotNull set) {
            text(out, set.column());
        } else if (operation instanceof AddConstraint add) {
            text(out, add.name(), add.kind().name());
            out.writeBoolean(add.notValid());
            out.writeBoolean(add.usingIndex());
            text(out, add.notNullColumn());
        } else if (operation instanceof ValidateConstraint validate) {
            text(out, validate.name());
        } else if (operation instanceof DropConstraint drop) {
            text(out, drop.name());
        } else if (operation instanceof CreateIndex create) {
            text(out, create.name());
            out.writeBoolean(create.unique());
            out.writeBoolean(create.concurrently());
        } else if (operation instanceof DropIndex drop) {
            text(out, drop.name());
            out.writeBoolean(drop.concurrently());
        } else if (operation instanceof Reindex reindex) {
            text(out, reindex.target());
            out.writeBoolean(reindex.concurrently());
        } else if (operation instanceof Rename rename) {
            text(out, rename.column(), rename.newName());
        }
        // DropTable: its table is all there is
    }

    private static Operation readOperation(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        if (kind >= KINDS.size()) {
            throw new IOException("unknown operation kind " + kind);
        }
        String table = CacheFolder.readText(in);
        Class<? extends Operation> type = KINDS.get(kind);
        if (type == CreateTable.class) {
            List<Column> columns = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                columns.add(readColumn(in));
            }
            return new CreateTable(table, columns);
        } else if (type == DropTable.class) {
            return new DropTable(table);
        } else if (type == AddColumn.class) {
            return new AddColumn(table, readColumn(in));
        } else if (type == DropColumn.class) {
            return new DropColumn(table, CacheFolder.readText(in));
        } else if (type == AlterType.class) {
            return new AlterType(table, CacheFolder.readText(in), CacheFolder.readText(in), CacheFolder.readText(in));
        } else if (type == SetNotNull.class) {
            return new SetNotNull(table, CacheFolder.readText(in));
        } else if (type == AddConstraint.class) {
            return new AddConstraint(table, CacheFolder.readText(in), ConstraintKind.valueOf(CacheFolder.readText(in)),
                    in.readBoolean(), in.readBoolean(), CacheFolder.readText(in));
        } else if (type == ValidateConstraint.class) {
            return new ValidateConstraint(table, CacheFolder.readText(in));
        } else if (type == DropConstraint.class) {
            return new DropConstraint(table, CacheFolder.readText(in));
        } else if (type == CreateIndex.class) {
            return new CreateIndex(table, CacheFolder.readText(in), in.readBoolean(), in.readBoolean());
        } else if (type == DropIndex.class) {
            return new DropIndex(table, CacheFolder.readText(in), in.readBoolean());
        } else if (type == Reindex.class) {
            return new Reindex(table, CacheFolder.readText(in), in.readBoolean());
        }
        return new Rename(table, CacheFolder.readText(in), CacheFolder.readText(in));
    }

    private static void write(DataOutputStream out, Column column) throws IOException {
        text(out, column.name(), column.type());
        out.writeBoolean(column.notNull());
        text(out, column.defaultExpression());
        out.writeBoolean(column.generated());
    }

    private static Column readColumn(DataInputStream in) throws IOException {
        return new Column(CacheFolder.readText(in), CacheFolder.readText(in), in.readBoolean(),
                CacheFolder.readText(in), in.readBoolean());
    }

    private static void text(DataOutputStream out, String... texts) throws IOException {
        for (String text : texts) {
            CacheFolder.writeText(out, text);
        }
    }
}
