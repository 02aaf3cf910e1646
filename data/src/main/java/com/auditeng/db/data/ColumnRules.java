package com.auditeng.db.data;

import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.CreationTimestamp;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NOT NULL and length rules of an entity's columns, read from its annotations (the entities are the source of the
 * schema), checked before a write is sent. The server would refuse the same values, but its message names neither
 * the column of a too-long value nor the field, and its refusal costs a round trip and aborts the transaction.
 */
final class ColumnRules {
    private static final Map<Class<?>, ColumnRules> BY_ENTITY = new ConcurrentHashMap<>();
    private static final Map<String, String> CHECKS = checks(User.class, Task.class, Analysis.class, Finding.class);

    private final List<Rule> rules;

    private ColumnRules(List<Rule> rules) {
        this.rules = rules;
    }

    private record Rule(Field field, String column, boolean required, int limit) {
    }

    /** Refuses an entity with a null required column or a too-long text, naming the column. */
    static void check(Object entity) {
        BY_ENTITY.computeIfAbsent(entity.getClass(), ColumnRules::read).checkAll(entity);
    }

    /** Refuses a value for one column of an entity, as {@link #check} would. */
    static void check(Class<?> entity, String fieldName, Object value) {
        for (Rule rule : BY_ENTITY.computeIfAbsent(entity, ColumnRules::read).rules) {
            if (rule.field.getName().equals(fieldName)) {
                checkValue(rule, value);
            }
        }
    }

    /** What a check constraint of the entities requires, e.g. {@code file_size >= 0}. */
    static Optional<String> checkRule(String constraint) {
        return Optional.ofNullable(CHECKS.get(constraint.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> checks(Class<?>... entities) {
        Map<String, String> checks = new HashMap<>();
        for (Class<?> entity : entities) {
            for (CheckConstraint check : entity.getAnnotation(Table.class).check()) {
                checks.put(check.name().toLowerCase(Locale.ROOT), check.constraint());
            }
        }
        return Map.copyOf(checks);
    }

    private void checkAll(Object entity) {
        for (Rule rule : rules) {
            try {
                checkValue(rule, rule.field.get(entity));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + rule.field, e);
            }
        }
    }

    private static void checkValue(Rule rule, Object value) {
        if (value == null && rule.required) {
            throw new MissingValueException(rule.column, null);
        }
        if (value instanceof String text && rule.limit > 0 && text.codePointCount(0, text.length()) > rule.limit) {
            throw new ValueTooLongException(rule.column, rule.limit, null);
        }
    }

    private static ColumnRules read(Class<?> entity) {
        String table = entity.getAnnotation(Table.class).name();
        List<Rule> rules = new ArrayList<>();
        for (Class<?> type = entity; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                // the id and the creation time are filled by Hibernate at persist, after this check
                if (column == null || field.isAnnotationPresent(Id.class)
                        || field.isAnnotationPresent(CreationTimestamp.class)) {
                    continue;
                }
                field.setAccessible(true);
                // varchar(n) only: a columnDefinition such as "text" has no length, whatever length() says
                boolean varchar = field.getType() == String.class && column.columnDefinition().isEmpty();
                rules.add(new Rule(field, table + "." + column.name(),
                        !column.nullable() && !field.getType().isPrimitive(), varchar ? column.length() : 0));
            }
        }
        return new ColumnRules(List.copyOf(rules));
    }
}
