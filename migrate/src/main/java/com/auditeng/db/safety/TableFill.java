package com.auditeng.db.safety;

import java.util.Optional;

/**
 * What a lock trace put into one table before a revision ran: how many generated rows, or why it could put none.
 *
 * @param notFilledBecause PostgreSQL's reason, when the table had to stay empty
 */
public record TableFill(String table, int rows, Optional<String> notFilledBecause) {

    static TableFill filled(String table, int rows) {
        return new TableFill(table, rows, Optional.empty());
    }

    static TableFill leftEmpty(String table, String reason) {
        return new TableFill(table, 0, Optional.of(reason));
    }

    public boolean isFilled() {
        return notFilledBecause.isEmpty();
    }
}
