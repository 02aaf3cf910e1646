package com.auditeng.db.cli;

import com.auditeng.db.fleet.Outcome;
import com.auditeng.db.fleet.RolloutReport;
import com.auditeng.db.fleet.TargetResult;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A rollout's report as a table for people, or as one JSON document (docs/json-output.md). */
final class FleetReport {
    private static final List<String> HEADER =
            List.of("TARGET", "BEFORE", "AFTER", "REVISIONS", "MS", "OUTCOME", "ERROR");

    private FleetReport() {
    }

    /** One row a target, in the order listed; columns padded so that the table reads in a terminal. */
    static void printTable(PrintWriter out, RolloutReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (TargetResult result : report.results()) {
            rows.add(List.of(result.target().label(), result.before().orElse("-"), result.after().orElse("-"),
                    Integer.toString(result.revisions()), Long.toString(result.took().toMillis()),
                    result.outcome().label(), result.error().orElse("")));
        }
        printAligned(out, rows);
    }

    /** For {@code current --targets}: each target's revision, {@code (head)} marking those at head. */
    static void printRevisions(PrintWriter out, RolloutReport report, Function<String, Boolean> isHead) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("TARGET", "CURRENT", "ERROR"));
        for (TargetResult result : report.results()) {
            String current = result.after().map(id -> isHead.apply(id) ? id + " (head)" : id).orElse("-");
            rows.add(List.of(result.target().label(), current, result.error().orElse("")));
        }
        printAligned(out, rows);
    }

    private static void printAligned(PrintWriter out, List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static Map<String, Object> document(String command, String goal, RolloutReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", command);
        document.put("goal", goal);
        document.put("targets", report.results().stream().map(FleetReport::target).toList());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.label().replace('-', '_'), report.count(outcome));
        }
        document.put("counts", counts);
        document.put("standing", report.standing());
        document.put("exit_code", report.exitCode().number());
        return document;
    }

    private static Map<String, Object> target(TargetResult result) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("target", result.target().label());
        target.put("listed_at", result.target().origin());
        target.put("before", result.before().orElse(null));
        target.put("after", result.after().orElse(null));
        target.put("revisions", result.revisions());
        target.put("duration_ms", result.took().toMillis());
        target.put("outcome", result.outcome().label());
        target.put("error", result.error().orElse(null));
        target.put("exit_code", result.exitCode().number());
        return target;
    }
}
