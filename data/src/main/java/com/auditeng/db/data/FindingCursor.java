package com.auditeng.db.data;

import com.auditeng.db.UsageException;

import java.util.UUID;

/**
 * Where a page of findings ends: the next page starts after this finding's id. Keyset paging, so a page costs the same
 * on page 1 and page 10,000, and rows stored meanwhile neither repeat nor go missing.
 *
 * @param afterId the id the next page starts after; null for the first page
 */
public record FindingCursor(UUID afterId) {
    private static final FindingCursor FIRST = new FindingCursor(null);

    /** The cursor of the first page. */
    public static FindingCursor first() {
        return FIRST;
    }

    /** Reads {@link #toString()}'s text, e.g. from a query parameter: an id, or empty for the first page. */
    public static FindingCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return FIRST;
        }
        try {
            return new FindingCursor(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new UsageException("finding cursor '" + text + "' is not one this service gave; start from the "
                    + "first page (an empty cursor)");
        }
    }

    public boolean isFirst() {
        return afterId == null;
    }

    @Override
    public String toString() {
        return afterId == null ? "" : afterId.toString();
    }
}
