package com.auditeng.db.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as PostgreSQL sees it, one spelling for the many a revision or the catalog may use
 * ({@code character varying(255)}, {@code VARCHAR(255)}), and what a change from it to another type costs: whether
 * the table is rewritten, and which values would not fit.
 *
 * <p>{@code ALTER COLUMN ... TYPE} rewrites the table and every index under an ACCESS EXCLUSIVE lock, except when the
 * old type is binary coercible to the new one and no value can change; PostgreSQL's length-coercion support functions
 * extend that to raising a limit. That is the short list in {@link #changesWithoutRewrite}:
 * https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES
 */
record ColumnType(String name, List<Integer> modifiers) {
    private static final Pattern SHAPE = Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*(?:\\(([\\d\\s,]*)\\))?\\s*(\\[\\])?");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("character varying", "varchar"), Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("bit varying", "varbit"), Map.entry("int", "integer"), Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"),
            Map.entry("smallserial", "smallint"), Map.entry("decimal", "numeric"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"), Map.entry("bool", "boolean"), Map.entry("clob", "text"),
            Map.entry("datetime", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"));
    private static final Set<String> STRINGS = Set.of("varchar", "char", "text");
    private static final Map<String, long[]> INTEGER_RANGES = Map.of(
            "smallint", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            "integer", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            "bigint", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("smallint", 5, "integer", 10, "bigint", 19);
    private static final Set<String> INEXACT = Set.of("numeric", "real", "double precision");

    ColumnType {
        modifiers = List.copyOf(modifiers);
    }

    /** The type {@code text} names: {@code VARCHAR(500)}, {@code numeric(10, 2)}, {@code TIMESTAMP WITH TIME ZONE}. */
    static ColumnType parse(String text) {
        String plain = text.strip().toLowerCase(Locale.ROOT).replace("\"", "").replaceAll("\\s+", " ");
        // timestamp(3) with time zone: the precision sits inside the name
        Matcher precision = Pattern.compile("^(timestamp|time)\\s*\\((\\d+)\\)(.*)$").matcher(plain);
        if (precision.matches()) {
            plain = precision.group(1) + precision.group(3) + "(" + precision.group(2) + ")";
        }
        Matcher shape = SHAPE.matcher(plain);
        if (!shape.matches()) {
            return new ColumnType(plain, List.of());
        }
        String name = shape.group(1).strip();
        name = ALIASES.getOrDefault(name, name) + (shape.group(3) == null ? "" : "[]");
        List<Integer> modifiers = new ArrayList<>();
        if (shape.group(2) != null) {
            for (String number : shape.group(2).split(",")) {
                if (number.isBlank()) {
                    continue;
                }
                try {
                    modifiers.add(Integer.parseInt(number.strip()));
                } catch (NumberFormatException e) {
                    // VARCHAR(2147483648): no type PostgreSQL accepts; its own error says so when the statement runs
                    return new ColumnType(plain, List.of());
                }
            }
        }
        if (name.equals("char") && modifiers.isEmpty()) {
            modifiers.add(1);   // char alone is char(1)
        }
        if (name.equals("numeric") && modifiers.size() == 1) {
            modifiers.add(0);   // numeric(p) is numeric(p, 0)
        }
        return new ColumnType(name, modifiers);
    }

    /**
     * Whether a change from this type to {@code to} leaves the table as it is (a catalog change and, for some, an
     * index rebuild): the types are equal; a varchar or bit varying limit is raised or dropped; varchar becomes text
     * or text unbounded varchar; a numeric gains precision at the same scale or loses its limits; cidr becomes inet.
     * timestamp to timestamptz is left out: it keeps the table only when the session's TimeZone is UTC.
     */
    boolean changesWithoutRewrite(ColumnType to) {
        if (equals(to)) {
            return true;
        }
        if (isVarchar() && to.isVarchar() || name.equals("varbit") && to.name.equals("varbit")) {
            return !to.hasLimit() || hasLimit() && to.limit() >= limit();
        }
        if (isVarchar() && to.name.equals("text") || name.equals("text") && to.isVarchar() && !to.hasLimit()) {
            return true;
        }
        if (name.equals("numeric") && to.name.equals("numeric")) {
            return to.modifiers.isEmpty()
                    || modifiers.size() == 2 && to.modifiers.get(1).equals(modifiers.get(1))
                    && to.modifiers.get(0) >= modifiers.get(0);
        }
        return name.equals("cidr") && to.name.equals("inet");
    }

    /**
     * Whether some value of this type has no equal in {@code to}, so that the change cuts, rounds or refuses it:
     * a shorter string, fewer digits or a smaller scale, a smaller integer, an inexact number made an integer.
     * A change across families (text to integer) is not narrowing: values either convert or the statement fails.
     */
    boolean narrowsTo(ColumnType to) {
        return rowsThatDoNotFit("x", to).isPresent();
    }

    /**
     * A condition on {@code column} (a quoted name) true for the rows whose value would not fit in {@code to}, as
     * {@code count(*) ... WHERE} counts them; empty when every value fits.
     */
    Optional<String> rowsThatDoNotFit(String column, ColumnType to) {
        if (changesWithoutRewrite(to)) {
            return Optional.empty();
        }
        if ((to.isVarchar() || to.name.equals("char")) && to.hasLimit()
                && (STRINGS.contains(name) && (!hasLimit() || limit() > to.limit()))) {
            return Optional.of("length(" + column + "::text) > " + to.limit());
        }
        if (INTEGER_RANGES.containsKey(to.name) && (INTEGER_RANGES.containsKey(name) || INEXACT.contains(name))) {
            long[] range = INTEGER_RANGES.get(to.name);
            boolean smaller = !INTEGER_RANGES.containsKey(name) || INTEGER_RANGES.get(name)[1] > range[1];
            if (!smaller) {
                return Optional.empty();
            }
            String outside = column + " NOT BETWEEN " + range[0] + " AND " + range[1];
            return Optional.of(INEXACT.contains(name) ? "(" + outside + " OR " + column + " <> round(" + column + "))"
                    : outside);
        }
        if (to.name.equals("numeric") && to.modifiers.size() == 2
                && (INTEGER_RANGES.containsKey(name) || INEXACT.contains(name))) {
            int precision = to.modifiers.get(0);
            int scale = to.modifiers.get(1);
            boolean sameOrWider = name.equals("numeric") && modifiers.size() == 2
                    && modifiers.get(1) <= scale && modifiers.get(0) - modifiers.get(1) <= precision - scale
                    || INTEGER_DIGITS.containsKey(name) && INTEGER_DIGITS.get(name) <= precision - scale;
            if (sameOrWider) {
                return Optional.empty();
            }
            return Optional.of("(abs(" + column + ") >= 1e" + (precision - scale) + " OR " + column + " <> round("
                    + column + ", " + scale + "))");
        }
        if (name.equals("double precision") && to.name.equals("real")) {
            return Optional.of(column + " <> " + column + "::real::double precision");
        }
        return Optional.empty();
    }

    private boolean isVarchar() {
        return name.equals("varchar");
    }

    private boolean hasLimit() {
        return !modifiers.isEmpty();
    }

    private int limit() {
        return modifiers.get(0);
    }

    @Override
    public String toString() {
        if (modifiers.isEmpty()) {
            return name;
        }
        String joined = String.join(",", modifiers.stream().map(String::valueOf).toList());
        return name.endsWith("[]") ? name.substring(0, name.length() - 2) + "(" + joined + ")[]"
                : name + "(" + joined + ")";
    }
}
