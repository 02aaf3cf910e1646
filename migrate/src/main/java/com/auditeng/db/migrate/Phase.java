package com.auditeng.db.migrate;

import com.auditeng.db.UsageException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a revision may run during a rolling deploy, while instances of the previous application version still use
 * the database.
 *
 * <p>A revision says so with the Liquibase label {@code expand} or {@code contract} on its change sets (labels are
 * Liquibase's way to choose which change sets run, which is what a phase is). A revision without one is read from its
 * statements: one that drops, renames, retypes, validates or tightens something is a contract revision, the rest
 * (new tables, nullable or defaulted columns, indexes, NOT VALID constraints) expand.
 */
public enum Phase {
    /** Safe while the previous application version runs: it only adds. */
    EXPAND,
    /** Safe only once no instance of the previous version runs: it removes or tightens what that version uses. */
    CONTRACT;

    private static final Pattern CONTRACTING = Pattern.compile("^\\s*(?:DROP\\s|ALTER\\s+TABLE\\s.*\\s(?:DROP\\s|RENAME\\s"
            + "|ALTER\\s+(?:COLUMN\\s+)?\\S+\\s+(?:SET\\s+DATA\\s+)?TYPE\\s|ALTER\\s+(?:COLUMN\\s+)?\\S+\\s+SET\\s+NOT\\s+NULL"
            + "|VALIDATE\\s+CONSTRAINT\\s)|ALTER\\s+TABLE\\s+\\S+\\s+RENAME\\s)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** {@code expand} or {@code contract}, as written in a revision, the tracking table and {@code --phase}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Phase> ofLabel(String label) {
        for (Phase phase : values()) {
            if (phase.label().equalsIgnoreCase(label.strip())) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }

    public static Phase parse(String text) {
        return ofLabel(text).orElseThrow(() -> new UsageException("unknown phase '" + text
                + "'; use expand or contract"));
    }

    /** The phase of an unlabelled revision, from the statements its upgrade runs. */
    static Phase inferredFrom(List<String> upgrade) {
        return upgrade.stream().anyMatch(sql -> CONTRACTING.matcher(sql).find()) ? CONTRACT : EXPAND;
    }
}
