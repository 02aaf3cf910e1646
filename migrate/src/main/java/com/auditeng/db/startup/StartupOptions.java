package com.auditeng.db.startup;

import com.auditeng.db.config.LockTimeouts;
import com.auditeng.db.migrate.Phase;

import java.time.Duration;

/**
 * What an application does with its schema when it starts, and how patiently.
 *
 * @param mode           migrate (the default), validate or leave alone
 * @param allowDataLoss  run destructive steps on tables holding rows, as {@code db upgrade --allow-data-loss}
 * @param locks          the migration lock wait, the DDL lock timeout and its retries, as on the command line
 * @param connectDeadline how long to keep trying to reach a server that refuses connections or is starting up;
 *                       zero fails at the first refusal
 * @param phase          up to which phase to migrate: {@code EXPAND} stops before the first contract revision, as
 *                       {@code db upgrade --phase expand}, so that instances of the previous version keep working
 */
public record StartupOptions(Mode mode, boolean allowDataLoss, LockTimeouts locks, Duration connectDeadline,
                             Phase phase) {

    /** What happens to the schema at start. */
    public enum Mode {
        /** Apply the pending revisions, with the checks of {@code db upgrade}. */
        MIGRATE,
        /**
         * Change nothing; fail unless the database is at the bundled head, or ahead of it with a newer version's
         * expand revisions only.
         */
        VALIDATE,
        /** Change and check nothing: the schema is someone else's job. */
        OFF
    }

    public StartupOptions {
        if (connectDeadline.isNegative()) {
            throw new IllegalArgumentException("the connect deadline must not be negative");
        }
    }

    /** Migrate with the command line's defaults: no data loss, the same lock timeouts, no connect retries. */
    public static StartupOptions defaults() {
        return new StartupOptions(Mode.MIGRATE, false, LockTimeouts.defaults(), Duration.ZERO, Phase.CONTRACT);
    }

    public StartupOptions withMode(Mode other) {
        return new StartupOptions(other, allowDataLoss, locks, connectDeadline, phase);
    }

    public StartupOptions allowingDataLoss() {
        return new StartupOptions(mode, true, locks, connectDeadline, phase);
    }

    public StartupOptions withLocks(LockTimeouts other) {
        return new StartupOptions(mode, allowDataLoss, other, connectDeadline, phase);
    }

    public StartupOptions withConnectDeadline(Duration deadline) {
        return new StartupOptions(mode, allowDataLoss, locks, deadline, phase);
    }

    public StartupOptions withPhase(Phase upTo) {
        return new StartupOptions(mode, allowDataLoss, locks, connectDeadline, upTo);
    }
}
