package com.auditeng.db.migrate;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.SqlIdentifier;
import liquibase.change.ColumnConfig;
import liquibase.change.core.UpdateDataChange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@link Backfill} a revision's {@code update} change declares. Kept apart from {@code Backfill} so that
 * running a compiled (cached) revision never loads Liquibase.
 */
final class BackfillReader {
    private static final Pattern BATCH = Pattern.compile("\\bbatch\\s*=\\s*(\\d{1,7})\\b");
    private static final Pattern PAUSE = Pattern.compile("\\bpause\\s*=\\s*(\\d{1,6})\\s*(ms|s)\\b");

    private BackfillReader() {
    }

    /** The backfill an {@code update} change declares, its batch and pause read from the change set's comment. */
    static Backfill read(RevisionFile file, UpdateDataChange update, String comment) {
        List<String> assignments = new ArrayList<>();
        for (ColumnConfig column : update.getColumns()) {
            assignments.add(SqlIdentifier.quote(column.getName()) + " = " + value(file, column));
        }
        String text = comment == null ? "" : comment.toLowerCase();
        Matcher batch = BATCH.matcher(text);
        Matcher pause = PAUSE.matcher(text);
        Duration between = Duration.ZERO;
        if (pause.find()) {
            long amount = Long.parseLong(pause.group(1));
            between = pause.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        }
        String where = update.getWhere();
        return new Backfill(SqlIdentifier.quote(update.getTableName()), String.join(", ", assignments),
                where == null || where.isBlank() ? Optional.empty() : Optional.of(where.strip()),
                batch.find() ? Integer.parseInt(batch.group(1)) : Backfill.DEFAULT_BATCH_SIZE, between);
    }

    private static String value(RevisionFile file, ColumnConfig column) {
        if (column.getValueComputed() != null) {
            return column.getValueComputed().getValue();
        }
        if (column.getValueNumeric() != null) {
            return column.getValueNumeric().toString();
        }
        if (column.getValueBoolean() != null) {
            return column.getValueBoolean().toString();
        }
        if (column.getValue() != null) {
            return "'" + column.getValue().replace("'", "''") + "'";
        }
        if (column.getValueDate() != null || column.getValueBlobFile() != null || column.getValueClobFile() != null) {
            throw new ConfigurationException("revision " + file.fileName() + " backfills " + column.getName()
                    + " with a value a backfill cannot take; write it as valueComputed: <SQL expression>");
        }
        return "NULL";
    }
}
