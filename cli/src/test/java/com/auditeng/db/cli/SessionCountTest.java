package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How many sessions a deploy's {@code db upgrade} opens on a database already at head: each is a backend forked by
 * the server, and on a remote one a TLS handshake, on every deploy. Counted by PostgreSQL (pg_stat_database.sessions,
 * 14 and later), from a session on another database.
 */
class SessionCountTest {

    @Test
    void anUpgradeAtHeadOpensItsOwnSessionAndThePoolerChecksOnly() throws Exception {
        DatabaseUrl url = TestDatabase.fresh();
        Cli cli = Cli.on(url.jdbcUrl() + "?user=postgres");
        assertThat(cli.run("db", "upgrade").exitCode()).isZero();
        try (Connection observer = TestDatabase.connect(TestDatabase.serverUrl())) {
            assumeTrue(observer.getMetaData().getDatabaseMajorVersion() >= 14, "pg_stat_database.sessions: 14+");
            long before = settledSessions(observer, url.database());

            CliResult upgrade = cli.run("db", "upgrade");

            assertThat(upgrade.exitCode()).as(upgrade.stderr()).isZero();
            assertThat(upgrade.stderr()).contains("nothing to upgrade; the database is at 0001");
            assertThat(settledSessions(observer, url.database()) - before).isEqualTo(2);
        }
    }

    /** The database's session count once it stops changing: a backend reports its session as it exits. */
    private static long settledSessions(Connection observer, String database) throws Exception {
        long seen = sessions(observer, database);
        for (int i = 0; i < 40; i++) {
            Thread.sleep(250);
            long now = sessions(observer, database);
            if (now == seen) {
                return now;
            }
            seen = now;
        }
        return seen;
    }

    private static long sessions(Connection observer, String database) throws SQLException {
        try (Statement clear = observer.createStatement()) {
            clear.execute("SELECT pg_stat_clear_snapshot()");
        }
        try (PreparedStatement query = observer.prepareStatement(
                "SELECT sessions FROM pg_stat_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
