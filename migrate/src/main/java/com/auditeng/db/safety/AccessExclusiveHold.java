package com.auditeng.db.safety;

import java.time.Duration;
import java.util.List;

/**
 * An ACCESS EXCLUSIVE lock on existing relations, from the statement that took it to the commit: every other
 * session, readers included, waits for the table that long.
 *
 * @param relations   the relations the statement took it on, tables before indexes
 * @param takenBy     the number of the statement that took it
 * @param held        from the start of that statement to the commit
 * @param heldAcross  the numbers of the later statements that ran under it
 */
public record AccessExclusiveHold(List<String> relations, int takenBy, Duration held, List<Integer> heldAcross) {

    public AccessExclusiveHold {
        relations = List.copyOf(relations);
        heldAcross = List.copyOf(heldAcross);
    }
}
