package com.auditeng.db.data;

import com.auditeng.db.model.Finding;

import java.util.List;
import java.util.Optional;

/**
 * One page of an analysis' findings, in the order stored.
 *
 * @param items the findings of this page
 * @param next  the cursor of the next page; empty on the last page
 */
public record FindingPage(List<Finding> items, Optional<FindingCursor> next) {
    public FindingPage {
        items = List.copyOf(items);
    }
}
