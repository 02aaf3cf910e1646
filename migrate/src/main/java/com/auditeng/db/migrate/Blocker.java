package com.auditeng.db.migrate;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A session holding a lock a migration statement waits for, as {@code pg_stat_activity} shows it.
 *
 * @param pid             its server process id, for {@code pg_terminate_backend}
 * @param applicationName what it called itself ({@code application_name}); empty when nothing
 * @param state           {@code active}, {@code idle in transaction}, …
 * @param inTransaction   how long its transaction (or, outside one, its query) has run
 * @param query           the start of its current or last query
 */
public record Blocker(int pid, String applicationName, String state, Duration inTransaction, String query) {
    private static final int QUERY_SHOWN = 60;

    /** {@code blocked by pid 4242 (…), pid 4243 (…)}, or a note that no blocker was seen. */
    public static String describeAll(List<Blocker> blockers) {
        if (blockers.isEmpty()) {
            return "its blocker not seen (it ended, or the wait was too short to look)";
        }
        return "blocked by " + blockers.stream().map(Blocker::describe).collect(Collectors.joining(", "));
    }

    public boolean isIdleInTransaction() {
        return state.startsWith("idle in transaction");
    }

    /** {@code pid 4242 (psql, idle in transaction for 12 s: SELECT * FROM findings WHERE …)}. */
    public String describe() {
        String shown = StatementText.abbreviate(query, QUERY_SHOWN);
        return "pid " + pid + " (" + (applicationName.isEmpty() ? "no application_name" : applicationName) + ", "
                + state + " for " + inTransaction.toSeconds() + " s" + (shown.isEmpty() ? "" : ": " + shown) + ")";
    }
}
