package com.auditeng.db.autogen;

import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.config.SqlIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Liquibase YAML of a column move ({@link Change.SyncTrigger}, {@link Change.DropMovedColumn}): the trigger that
 * keeps the old and the new column in step, the old column's drop and its undoing, and the lint findings their
 * change sets accept.
 */
final class MovedColumnChanges {

    private MovedColumnChanges() {
    }

    /**
     * The lint findings a change set of {@code change} accepts, one {@code lint-accept:} line each, with the reason:
     * the old column of a move holds no value its new column lacks, and the reverse until the contract.
     */
    static List<String> acceptances(Change change, List<Change> revision) {
        if (change instanceof Change.AddColumn add) {
            // the column a move adds: its rollback drops it, and every value is still in the old column
            return revision.stream().filter(other -> other instanceof Change.SyncTrigger sync && sync.create()
                            && sync.table().equals(add.table()) && sync.target().name().equals(add.column().name()))
                    .map(other -> "lint-accept: drop-column on rollback only: " + add.table() + "."
                            + ((Change.SyncTrigger) other).source().name() + " holds every value, kept in step by "
                            + "the trigger").toList();
        }
        if (!(change instanceof Change.DropMovedColumn drop) || !drop.drop()) {
            return List.of();
        }
        String kept = drop.table() + "." + drop.kept().name();
        List<String> lines = new ArrayList<>(List.of("lint-accept: drop-column " + kept + " holds every value, kept in "
                + "step by a trigger and backfilled before this revision"));
        if (!drop.dropped().nullable()) {
            lines.add("lint-accept: set-not-null the rollback fills the column from " + kept + " just before");
        }
        if (drop.dependents().stream().anyMatch(dependent -> dependent instanceof Change.DropIndex)) {
            lines.add("lint-accept: index-concurrently the rollback rebuilds the index of the column it adds again");
        }
        return lines;
    }

    static List<String> syncTrigger(Change.SyncTrigger sync) {
        String name = SqlIdentifier.quote(sync.name());
        String table = SqlIdentifier.quote(sync.table());
        if (!sync.create()) {
            return List.of(LiquibaseChanges.sql("DROP TRIGGER " + name + " ON " + table),
                    LiquibaseChanges.sql("DROP FUNCTION " + name + "()"));
        }
        String source = "NEW." + SqlIdentifier.quote(sync.source().name());
        String target = "NEW." + SqlIdentifier.quote(sync.target().name());
        String toTarget = cast(source, sync.source(), sync.target());
        String toSource = cast(target, sync.target(), sync.source());
        List<String> lines = new ArrayList<>(List.of("- sql:", "    splitStatements: false", "    sql: |-"));
        List.of("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$",
                "BEGIN",
                "    -- the previous version writes " + sync.source().name() + ", the new one " + sync.target().name()
                        + ": copy the one a statement wrote",
                "    IF TG_OP = 'INSERT' THEN",
                "        IF " + target + " IS NULL THEN",
                "            " + target + " := " + toTarget + ";",
                "        ELSE",
                "            " + source + " := " + toSource + ";",
                "        END IF;",
                "    ELSIF " + target + " IS NOT DISTINCT FROM OLD." + SqlIdentifier.quote(sync.target().name())
                        + " THEN",
                "        " + target + " := " + toTarget + ";",
                "    ELSE",
                "        " + source + " := " + toSource + ";",
                "    END IF;",
                "    RETURN NEW;",
                "END",
                "$$").forEach(line -> lines.add("      " + line));
        lines.add(LiquibaseChanges.sql("CREATE TRIGGER " + name + " BEFORE INSERT OR UPDATE ON " + table
                + " FOR EACH ROW EXECUTE FUNCTION " + name + "()"));
        return lines;
    }

    /** {@code value}, a value of {@code from}'s type, as {@code to}'s type. */
    static String cast(String value, Column from, Column to) {
        return from.type().equals(to.type()) ? value : "CAST(" + value + " AS " + to.type() + ")";
    }

    /** The undoing of a moved column's drop: added nullable, filled, then its NOT NULL, default and dependents. */
    static List<String> addMovedColumnAgain(Change.DropMovedColumn undo) {
        String table = undo.table();
        Column column = undo.dropped();
        List<String> lines = new ArrayList<>(new Change.AddColumn(table,
                new Column(column.name(), column.type(), true, Optional.empty())).yaml());
        lines.add(LiquibaseChanges.sql("UPDATE " + SqlIdentifier.quote(table) + " SET "
                + SqlIdentifier.quote(column.name()) + " = "
                + cast(SqlIdentifier.quote(undo.kept().name()), undo.kept(), column)));
        if (!column.nullable()) {
            lines.addAll(new Change.AlterNullability(table, column.name(), false).yaml());
        }
        if (column.defaultValue().isPresent()) {
            lines.addAll(new Change.AlterDefault(table, column.name(), Optional.empty(), column.defaultValue()).yaml());
        }
        undo.dependents().forEach(dependent -> lines.addAll(dependent.inverse().yaml()));
        return lines;
    }
}
