package com.auditeng.db.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling for each PostgreSQL column type, so that Hibernate's DDL types and the catalog's {@code format_type}
 * compare equal: {@code timestamp(6) with time zone} and {@code timestamp with time zone} are both {@code timestamptz},
 * {@code float(53)} is {@code double precision}, {@code character varying(255)} is {@code varchar(255)}.
 */
public final class SqlType {
    // 6 is PostgreSQL's default and largest fractional-second precision: timestamp(6) and timestamp store the same
    private static final String DEFAULT_TIME_PRECISION = "6";
    private static final Pattern VARCHAR = Pattern.compile("(?:character varying|varchar)(?:\\((\\d+)\\))?");
    private static final Pattern CHAR = Pattern.compile("(?:character|char|bpchar)(?:\\((\\d+)\\))?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "timestamp(?:\\((\\d)\\))?( with time zone| without time zone)?|timestamptz(?:\\((\\d)\\))?");
    private static final Pattern TIME = Pattern.compile("time(?:\\((\\d)\\))?( with time zone| without time zone)?"
            + "|timetz(?:\\((\\d)\\))?");
    private static final Pattern FLOAT = Pattern.compile("float(?:\\((\\d+)\\))?");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)(?:\\((\\d+)(?:,(\\d+))?\\))?");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("tinyint", "smallint"), Map.entry("bool", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("float4", "real"), Map.entry("serial4", "serial"));
    /** Integer and floating-point families, narrowest first: a move to the right never loses a value. */
    private static final List<List<String>> WIDENING_ORDERS = List.of(
            List.of("smallint", "integer", "bigint"), List.of("real", "double precision"));

    private SqlType() {
    }

    /** The one spelling of {@code type}; a type this class does not know comes back lower-cased and trimmed. */
    public static String normalize(String type) {
        String text = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("\\s*\\(\\s*", "(").replaceAll("\\s*,\\s*", ",").replaceAll("\\s*\\)", ")");
        if (text.endsWith("[]")) {
            return normalize(text.substring(0, text.length() - 2)) + "[]";
        }
        Matcher matcher;
        if ((matcher = VARCHAR.matcher(text)).matches()) {
            return matcher.group(1) == null ? "varchar" : "varchar(" + matcher.group(1) + ")";
        }
        if ((matcher = CHAR.matcher(text)).matches()) {
            return "char(" + (matcher.group(1) == null ? "1" : matcher.group(1)) + ")";
        }
        if ((matcher = TIMESTAMP.matcher(text)).matches()) {
            boolean zoned = text.startsWith("timestamptz") || " with time zone".equals(matcher.group(2));
            return (zoned ? "timestamptz" : "timestamp")
                    + precision(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
        }
        if ((matcher = TIME.matcher(text)).matches()) {
            boolean zoned = text.startsWith("timetz") || " with time zone".equals(matcher.group(2));
            return (zoned ? "timetz" : "time")
                    + precision(matcher.group(1) != null ? matcher.group(1) : matcher.group(3));
        }
        if ((matcher = FLOAT.matcher(text)).matches()) {
            // float(p) is real up to 24 binary digits and double precision above:
            // https://www.postgresql.org/docs/current/datatype-numeric.html
            return matcher.group(1) != null && Integer.parseInt(matcher.group(1)) <= 24 ? "real" : "double precision";
        }
        if ((matcher = NUMERIC.matcher(text)).matches()) {
            if (matcher.group(1) == null) {
                return "numeric";
            }
            return "numeric(" + matcher.group(1) + "," + (matcher.group(2) == null ? "0" : matcher.group(2)) + ")";
        }
        return ALIASES.getOrDefault(text, text);
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

    private static String precision(String digits) {
        return digits == null || digits.equals(DEFAULT_TIME_PRECISION) ? "" : "(" + digits + ")";
    }

    private static int length(String type) {
        Matcher matcher = Pattern.compile("\\((\\d+)\\)").matcher(type);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
