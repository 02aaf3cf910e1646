package com.auditeng.db.schema;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short spelling of a column type as the catalog's {@code format_type} prints it, the same for the entities and
 * the revisions since both are read from a catalog: {@code character varying(255)} is {@code varchar(255)},
 * {@code timestamp(6) with time zone} and {@code timestamp with time zone} are both {@code timestamptz} (6 is the
 * precision a timestamp without one has).
 */
public final class SqlType {
    // 6 is PostgreSQL's default and largest fractional-second precision: timestamp(6) and timestamp store the same
    private static final String DEFAULT_TIME_PRECISION = "6";
    private static final Pattern ZONED = Pattern.compile("(timestamp|time)(?:\\((\\d)\\))? (with|without) time zone");
    private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?");
    /** Integer and floating-point families, narrowest first: a move to the right never loses a value. */
    private static final List<List<String>> WIDENING_ORDERS = List.of(
            List.of("smallint", "integer", "bigint"), List.of("real", "double precision"));

    private SqlType() {
    }

    /** The short spelling of {@code formatted}, a type as {@code format_type} prints it. */
    public static String normalize(String formatted) {
        if (formatted.endsWith("[]")) {
            return normalize(formatted.substring(0, formatted.length() - 2)) + "[]";
        }
        Matcher zoned = ZONED.matcher(formatted);
        if (zoned.matches()) {
            String precision = zoned.group(2) == null || zoned.group(2).equals(DEFAULT_TIME_PRECISION) ? ""
                    : "(" + zoned.group(2) + ")";
            return zoned.group(1) + (zoned.group(3).equals("with") ? "tz" : "") + precision;
        }
        return formatted.replaceFirst("^character varying", "varchar").replaceFirst("^character\\(", "char(")
                .replaceFirst("^bpchar$", "char(1)");
    }

    /** The type as a revision writes it: upper case, and long forms Liquibase passes through unchanged. */
    public static String liquibase(String normalized) {
        String spelled = normalized
                .replaceFirst("^timestamptz", "timestamp")
                .replaceFirst("^timetz", "time");
        String zone = normalized.startsWith("timestamptz") || normalized.startsWith("timetz") ? " with time zone" : "";
        return (spelled + zone).toUpperCase(Locale.ROOT);
    }

    /** Whether every value of {@code from} converts to {@code to} unchanged, so the change loses nothing. */
    public static boolean isWidening(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        if (to.equals("text")) {
            return from.startsWith("varchar") || from.startsWith("char(") || from.equals("text");
        }
        if (from.startsWith("varchar") && to.startsWith("varchar")) {
            return to.equals("varchar") || !from.equals("varchar") && length(to) >= length(from);
        }
        if (from.startsWith("char(") && to.startsWith("varchar")) {
            return to.equals("varchar") || length(to) >= length(from);
        }
        Matcher fromNumeric = NUMERIC.matcher(from);
        Matcher toNumeric = NUMERIC.matcher(to);
        if (fromNumeric.matches() && toNumeric.matches()) {
            return to.equals("numeric") || !from.equals("numeric")
                    && Integer.parseInt(toNumeric.group(2)) >= Integer.parseInt(fromNumeric.group(2))
                    && Integer.parseInt(toNumeric.group(1)) - Integer.parseInt(toNumeric.group(2))
                    >= Integer.parseInt(fromNumeric.group(1)) - Integer.parseInt(fromNumeric.group(2));
        }
        if (to.equals("numeric") && List.of("smallint", "integer", "bigint").contains(from)) {
            return true;
        }
        for (List<String> order : WIDENING_ORDERS) {
            if (order.contains(from) && order.contains(to)) {
                return order.indexOf(to) >= order.indexOf(from);
            }
        }
        return false;
    }

    private static int length(String type) {
        Matcher matcher = Pattern.compile("\\((\\d+)\\)").matcher(type);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
