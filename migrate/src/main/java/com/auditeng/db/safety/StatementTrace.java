package com.auditeng.db.safety;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One statement of a revision as a lock trace saw it run on a scratch database with rows.
 *
 * @param locks             the locks its transaction holds on existing relations once it has run (for a statement
 *                          outside a transaction: those a second session saw while it ran)
 * @param rewritten         the existing relations it rewrote
 * @param startedAt         when it started, from the start of its revision
 * @param heldSince         the statement of the same transaction that took the ACCESS EXCLUSIVE lock held while
 *                          this one ran, when one did
 * @param heldFor           how long that lock had then been held: from the start of that statement to the end of this
 */
public record StatementTrace(int number, String sql, boolean inTransaction, List<RelationLock> locks,
                             List<String> rewritten, Duration startedAt, Duration duration, OptionalInt heldSince,
                             Optional<Duration> heldFor) {

    public StatementTrace {
        locks = List.copyOf(locks);
        rewritten = List.copyOf(rewritten);
    }

    Duration endedAt() {
        return startedAt.plus(duration);
    }

    StatementTrace heldUnder(StatementTrace taker) {
        return new StatementTrace(number, sql, inTransaction, locks, rewritten, startedAt, duration,
                OptionalInt.of(taker.number()), Optional.of(endedAt().minus(taker.startedAt())));
    }
}
