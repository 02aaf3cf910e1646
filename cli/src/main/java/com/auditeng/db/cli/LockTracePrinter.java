package com.auditeng.db.cli;

import com.auditeng.db.migrate.StatementText;
import com.auditeng.db.safety.AccessExclusiveHold;
import com.auditeng.db.safety.LockProblem;
import com.auditeng.db.safety.RelationLock;
import com.auditeng.db.safety.RevisionTrace;
import com.auditeng.db.safety.StatementTrace;
import com.auditeng.db.safety.TableFill;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a lock trace: a block of lines per revision, or (for {@code --json}) one document once all have run. */
final class LockTracePrinter {
    private static final int SQL_WIDTH = 50;

    private final PrintWriter out;
    private final boolean json;
    private final List<Map<String, Object>> revisions = new ArrayList<>();
    private boolean ok = true;

    LockTracePrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /** Prints one traced revision at once, so a long trace shows progress; as JSON, keeps it for {@link #finish}. */
    void print(RevisionTrace trace) {
        ok &= !trace.hasProblems();
        if (json) {
            revisions.add(document(trace));
            return;
        }
        out.println(trace.file().id() + "  " + trace.file().message()
                + (trace.transactional() ? "" : "  (runInTransaction: false: each statement commits alone)"));
        for (TableFill table : trace.tables()) {
            table.notFilledBecause().ifPresent(reason -> out.println("  table " + table.table()
                    + " left empty: " + reason));
        }
        int width = Integer.toString(trace.statements().size()).length();
        for (StatementTrace statement : trace.statements()) {
            out.println(line(statement, width));
        }
        for (AccessExclusiveHold hold : trace.holds()) {
            String across = hold.heldAcross().isEmpty() ? "no later statement"
                    : (hold.heldAcross().size() == 1 ? "statement " : "statements ")
                    + hold.heldAcross().stream().map(String::valueOf).collect(Collectors.joining(", "));
            out.println("  ACCESS EXCLUSIVE on " + String.join(", ", hold.relations()) + " from statement "
                    + hold.takenBy() + " to commit: " + text(hold.held()) + ", across " + across);
        }
        trace.problems().forEach(problem -> out.println("  problem: " + problem.describe()));
    }

    /** For {@code --json}, prints the document; returns whether no revision had a problem. */
    boolean finish(int rowsPerTable) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("ok", ok);
            document.put("rows_per_table", rowsPerTable);
            document.put("revisions", revisions);
            JsonOutput.print(out, document);
        }
        return ok;
    }

    private static String line(StatementTrace statement, int width) {
        String sql = StatementText.abbreviate(statement.sql(), SQL_WIDTH);
        String locks = statement.locks().isEmpty() ? "no locks on existing relations" : describe(statement.locks());
        String rewrites = statement.rewritten().isEmpty() ? "no rewrite"
                : "rewrites " + String.join(", ", statement.rewritten());
        String held = statement.heldSince().isPresent() ? "  (held ACCESS EXCLUSIVE since statement "
                + statement.heldSince().getAsInt() + ": " + text(statement.heldFor().orElseThrow()) + ")" : "";
        return String.format("  %" + width + "d  %-" + SQL_WIDTH + "s  %s%s   %s%s", statement.number(), sql,
                statement.inTransaction() ? "" : "no transaction; seen while it ran: ", locks, rewrites, held);
    }

    /** {@code findings: AccessExclusiveLock, RowExclusiveLock; pk_findings: RowExclusiveLock}. */
    private static String describe(List<RelationLock> locks) {
        Map<String, List<String>> byRelation = new LinkedHashMap<>();
        locks.forEach(lock -> byRelation.computeIfAbsent(lock.relation(), relation -> new ArrayList<>())
                .add(lock.mode()));
        return byRelation.entrySet().stream().map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static Map<String, Object> document(RevisionTrace trace) {
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("id", trace.file().id().toString());
        revision.put("message", trace.file().message());
        revision.put("transactional", trace.transactional());
        revision.put("tables", trace.tables().stream().map(table -> {
            Map<String, Object> fill = new LinkedHashMap<>();
            fill.put("table", table.table());
            fill.put("rows", table.rows());
            fill.put("not_filled", table.notFilledBecause().orElse(null));
            return fill;
        }).toList());
        revision.put("statements", trace.statements().stream().map(LockTracePrinter::document).toList());
        revision.put("access_exclusive", trace.holds().stream().map(hold -> {
            Map<String, Object> held = new LinkedHashMap<>();
            held.put("relations", hold.relations());
            held.put("taken_by", hold.takenBy());
            held.put("held_ms", millis(hold.held()));
            held.put("held_across", hold.heldAcross());
            return held;
        }).toList());
        revision.put("problems", trace.problems().stream().map(LockTracePrinter::document).toList());
        return revision;
    }

    private static Map<String, Object> document(StatementTrace statement) {
        Map<String, Object> traced = new LinkedHashMap<>();
        traced.put("number", statement.number());
        traced.put("sql", statement.sql());
        traced.put("in_transaction", statement.inTransaction());
        traced.put("locks", statement.locks().stream().map(lock -> {
            Map<String, Object> held = new LinkedHashMap<>();
            held.put("relation", lock.relation());
            held.put("mode", lock.mode());
            return held;
        }).toList());
        traced.put("rewritten", statement.rewritten());
        traced.put("duration_ms", millis(statement.duration()));
        traced.put("access_exclusive_held_since", statement.heldSince().isPresent()
                ? statement.heldSince().getAsInt() : null);
        traced.put("access_exclusive_held_ms", statement.heldFor().map(LockTracePrinter::millis).orElse(null));
        return traced;
    }

    private static Map<String, Object> document(LockProblem problem) {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("statement", problem.statement());
        found.put("sql", problem.sql());
        found.put("relation", problem.relation());
        found.put("taken_by", problem.takenBy());
        found.put("problem", problem.what());
        found.put("safer_form", problem.saferForm());
        found.put("message", problem.message());
        return found;
    }

    /** {@code 0.4 ms} below 10 ms, {@code 12 ms} above. */
    private static String text(Duration duration) {
        double millis = millis(duration);
        return (millis < 10 ? String.format(Locale.ROOT, "%.1f", millis) : Long.toString(Math.round(millis))) + " ms";
    }

    /** Milliseconds to one decimal: most DDL on 1,000 rows takes less than one. */
    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 100_000.0) / 10.0;
    }
}
