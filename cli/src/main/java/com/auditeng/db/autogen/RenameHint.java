package com.auditeng.db.autogen;

import com.auditeng.db.UsageException;
import com.auditeng.db.autogen.Change.RenameColumn;
import com.auditeng.db.autogen.Change.RenameTable;
import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.schema.SchemaSnapshot;
import com.auditeng.db.schema.SchemaSnapshot.Table;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --rename} argument: {@code TABLE.OLD=NEW} renames a column, {@code OLD=NEW} a table. It turns what a
 * diff would see as a drop and an add into a rename, which keeps the data.
 *
 * @param table the table of a column rename (its name in the entities, or its old name); empty for a table rename
 */
public record RenameHint(Optional<String> table, String oldName, String newName) {
    private static final String NAME = "([A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern COLUMN = Pattern.compile(NAME + "\\." + NAME + "=" + NAME);
    private static final Pattern TABLE = Pattern.compile(NAME + "=" + NAME);

    public static RenameHint parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher column = COLUMN.matcher(value);
        if (column.matches()) {
            return new RenameHint(Optional.of(column.group(1)), column.group(2), column.group(3));
        }
        Matcher table = TABLE.matcher(value);
        if (table.matches()) {
            return new RenameHint(Optional.empty(), table.group(1), table.group(2));
        }
        throw new UsageException("--rename '" + value + "' is not a rename; write TABLE.OLD=NEW for a column "
                + "(users.email=mail) or OLD=NEW for a table (users=people)");
    }

    public boolean isTable() {
        return table.isEmpty();
    }

    /** This column hint with its table named as the entities name it, after the table renames among {@code hints}. */
    public RenameHint afterTableRenames(List<RenameHint> hints) {
        if (isTable()) {
            return this;
        }
        for (RenameHint hint : hints) {
            if (hint.isTable() && hint.oldName.equals(table.get())) {
                return new RenameHint(Optional.of(hint.newName), oldName, newName);
            }
        }
        return this;
    }

    /** Refuses a hint that names nothing the revisions build, or nothing the entities hold. */
    public void check(SchemaSnapshot built, SchemaSnapshot model) {
        if (isTable()) {
            require(built.table(oldName).isPresent(), "the revisions build no table " + oldName);
            require(model.table(newName).isPresent(), "the entities have no table " + newName);
            require(built.table(newName).isEmpty(), "the revisions already build a table " + newName);
            return;
        }
        Optional<Table> before = built.table(table.get());
        Optional<Table> after = model.table(table.get());
        require(before.isPresent() && after.isPresent(), "table " + table.get()
                + " is not both built by the revisions and held by the entities");
        String column = table.get() + ".";
        require(before.get().column(oldName).isPresent(), "the revisions build no column " + column + oldName);
        require(after.get().column(newName).isPresent(), "the entities have no column " + column + newName);
        require(before.get().column(newName).isEmpty(), "the revisions already build a column " + column + newName);
    }

    public Change change() {
        return isTable() ? new RenameTable(oldName, newName) : new RenameColumn(table.get(), oldName, newName);
    }

    /** The statement that performs the rename. */
    public String sql() {
        return isTable()
                ? "ALTER TABLE " + SqlIdentifier.quote(oldName) + " RENAME TO " + SqlIdentifier.quote(newName)
                : "ALTER TABLE " + SqlIdentifier.quote(table.get()) + " RENAME COLUMN " + SqlIdentifier.quote(oldName)
                + " TO " + SqlIdentifier.quote(newName);
    }

    @Override
    public String toString() {
        return table.map(name -> name + ".").orElse("") + oldName + "=" + newName;
    }

    private void require(boolean condition, String problem) {
        if (!condition) {
            throw new UsageException("--rename " + this + ": " + problem + "; name what 'db check' reports as dropped "
                    + "on the left and as added on the right");
        }
    }
}
