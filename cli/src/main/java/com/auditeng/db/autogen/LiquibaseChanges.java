package com.auditeng.db.autogen;

import com.auditeng.db.config.SqlIdentifier;
import com.auditeng.db.schema.SchemaSnapshot.Column;
import com.auditeng.db.schema.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Liquibase YAML words every {@link Change} writes itself with: scalars, a column, a raw {@code sql} change, and
 * the label of a change set.
 */
final class LiquibaseChanges {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    // YAML 1.1, which SnakeYAML reads, takes these plain words for booleans and null
    private static final Pattern YAML_WORDS = Pattern.compile("(?i)y|yes|n|no|true|false|on|off|null");

    private LiquibaseChanges() {
    }

    /** A short name for the change set of {@code change}: {@code add-index-ix_users_email}. */
    static String label(Change change) {
        String kind = change.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        return (kind + "-" + change.subject()).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String column(Column column, Optional<String> primaryKeyName) {
        StringBuilder text = new StringBuilder("{name: ").append(scalar(column.name()))
                .append(", type: ").append(scalar(SqlType.liquibase(column.type())));
        column.defaultValue()
                .ifPresent(value -> text.append(", defaultValueComputed: ").append(scalar(value.source())));
        List<String> constraints = new ArrayList<>();
        if (!column.nullable()) {
            constraints.add("nullable: false");
        }
        primaryKeyName.ifPresent(name -> {
            constraints.add("primaryKey: true");
            constraints.add("primaryKeyName: " + scalar(name));
        });
        if (!constraints.isEmpty()) {
            text.append(", constraints: {").append(String.join(", ", constraints)).append('}');
        }
        return text.append('}').toString();
    }

    static String dropConstraint(String table, String name) {
        return sql("ALTER TABLE " + SqlIdentifier.quote(table) + " DROP CONSTRAINT " + SqlIdentifier.quote(name));
    }

    // splitStatements off: a ';' inside a check's string literal must not cut the statement in two
    static String sql(String statement) {
        return "- sql: {sql: " + scalar(statement) + ", splitStatements: false}";
    }

    /** A YAML scalar: plain when it is a simple name, double-quoted otherwise. */
    static String scalar(String value) {
        if (PLAIN.matcher(value).matches() && !YAML_WORDS.matcher(value).matches()) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char character : value.toCharArray()) {
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(character);
            }
        }
        return quoted.append('"').toString();
    }
}
