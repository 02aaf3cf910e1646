package com.auditeng.db.fleet;

import com.auditeng.db.config.DatabaseUrl;

/**
 * One database of a fleet, with where it was named ({@code targets.txt line 4}, {@code row 2}) for messages.
 *
 * @param position 1-based, in the order the targets were listed: the order they start in
 */
public record FleetTarget(int position, String origin, DatabaseUrl url) {

    /** The address with its password masked: the only form a report, a progress line or an error shows. */
    public String label() {
        return url.redacted();
    }

    @Override
    public String toString() {
        return label();
    }
}
