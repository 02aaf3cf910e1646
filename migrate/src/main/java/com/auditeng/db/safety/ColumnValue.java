package com.auditeng.db.safety;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL expression that gives one column a value in generated row {@code g} (1, 2, …): distinct per row, so that
 * unique indexes hold, and drawn from a CHECK's list of allowed values or an enum's labels when there is one.
 */
final class ColumnValue {
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    private ColumnValue() {
    }

    /**
     * A column as the catalog describes it.
     *
     * @param ownChecks  the definitions of the CHECKs on this column alone
     * @param isChecked  whether any CHECK, of this column or of several, names it
     */
    record Column(String name, String type, String baseType, char typeKind, char category, boolean isNullable,
                  List<String> ownChecks, boolean isChecked) {
    }

    /** The expression, or empty when no value can be generated for a NOT NULL column of this type. */
    static Optional<String> of(Column column) {
        if (column.isChecked()) {
            List<String> allowed = allowedValues(column.ownChecks());
            if (!allowed.isEmpty()) {
                return Optional.of(cycle("ARRAY[" + String.join(", ", allowed) + "]", allowed.size(), column.type()));
            }
            // NULL passes every CHECK; a NOT NULL column gets a value by type and may still fail, which is reported
            if (column.isNullable()) {
                return Optional.of("NULL");
            }
        }
        Optional<String> byType = byType(column);
        if (byType.isEmpty() && column.isNullable()) {
            return Optional.of("NULL");
        }
        return byType.map(expression -> "(" + expression + ")::" + column.type());
    }

    private static Optional<String> byType(Column column) {
        if (column.typeKind() == 'e') {
            String labels = "(enum_range(NULL::" + column.type() + "))";
            return Optional.of(labels + "[1 + (g - 1) % array_length(" + labels + ", 1)]");
        }
        if (column.category() == 'A') {
            return Optional.of("'{}'");
        }
        return Optional.ofNullable(switch (column.baseType()) {
            case "int2", "int4", "int8", "numeric", "float4", "float8", "oid", "money" -> "g";
            case "text", "varchar", "bpchar", "name", "citext" -> "g::text";
            case "bool" -> "g % 2 = 0";
            case "uuid" -> "md5('" + column.name().replace("'", "''") + "' || g)::uuid";
            case "date" -> "current_date - g";
            case "timestamp", "timestamptz" -> "now() - g * interval '1 minute'";
            case "time", "timetz" -> "time '00:00' + g * interval '1 second'";
            case "interval" -> "g * interval '1 second'";
            case "json", "jsonb" -> "json_build_object('row', g)";
            case "bytea" -> "convert_to(g::text, 'UTF8')";
            case "inet", "cidr" -> "('10.' || g / 65536 || '.' || g / 256 % 256 || '.' || g % 256)";
            default -> null;
        });
    }

    /**
     * The quoted literals of a CHECK such as {@code status IN ('QUEUED', 'FAILED')}, which PostgreSQL prints as
     * {@code (status)::text = ANY (ARRAY['QUEUED'::character varying, …])}; none for other CHECKs.
     */
    private static List<String> allowedValues(List<String> checks) {
        for (String check : checks) {
            if (check.contains("= ANY (")) {
                Matcher matcher = QUOTED.matcher(check);
                return matcher.results().map(found -> "'" + found.group(1) + "'").distinct().toList();
            }
        }
        return List.of();
    }

    private static String cycle(String array, int size, String type) {
        return "(" + array + ")[1 + (g - 1) % " + size + "]::" + type;
    }
}
