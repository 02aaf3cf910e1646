package com.auditeng.db.bench;

import com.auditeng.db.model.Finding;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** {@code COPY findings FROM STDIN} through pgjdbc's CopyManager, in the text format, a few thousand rows a write. */
final class CopyInsert {
    private static final int ROWS_PER_WRITE = 5000;
    private static final String COPY = "COPY findings (id, analysis_id, severity, rule_id, message, evidence, "
            + "remediation) FROM STDIN";

    private CopyInsert() {
    }

    static void insert(Connection connection, UUID analysisId, List<Finding> findings) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            StringBuilder text = new StringBuilder();
            int rows = 0;
            for (Finding finding : findings) {
                BenchRow row = BenchRow.of(finding);
                text.append(row.id()).append('\t').append(analysisId).append('\t');
                field(text, row.severity()).append('\t');
                field(text, row.ruleId()).append('\t');
                field(text, row.message()).append('\t');
                field(text, row.evidence()).append('\t');
                field(text, row.remediation()).append('\n');
                if (++rows == ROWS_PER_WRITE) {
                    write(copy, text);
                    rows = 0;
                }
            }
            write(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** A text-format field: \N for null; backslash, tab, newline and carriage return escaped. */
    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text;
    }
}
