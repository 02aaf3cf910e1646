package com.auditeng.db.cli;

import com.auditeng.db.CliResult;
import com.auditeng.db.PgBouncer;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.migrate.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/** Migrating through a real PgBouncer: refused in transaction mode, where sessions move; fine in session mode. */
// each test has a PgBouncer and a database of its own, and waits seconds on the pooler check's bounded waits
@Execution(ExecutionMode.CONCURRENT)
class PoolerTest {

    @Test
    void anUpgradeThroughATransactionPoolerIsRefusedWithNothingApplied() throws Exception {
        DatabaseUrl database = TestDatabase.fresh();
        try (PgBouncer bouncer = PgBouncer.start("transaction", 5)) {
            CliResult result = Cli.on(bouncer.url(database).redacted()).run("db", "upgrade");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stderr()).contains("goes through a pooler in transaction mode",
                    "connect directly to PostgreSQL, or through a session-pooled port");
            assertThat(result.stderr().lines()).hasSize(1);
        }
        assertThat(new Catalog(database).tables()).isEmpty();
    }

    @Test
    void aTransactionPoolerWithOneServerConnectionIsRefusedToo() throws Exception {
        DatabaseUrl database = TestDatabase.fresh();
        try (PgBouncer bouncer = PgBouncer.start("transaction", 1)) {
            CliResult result = Cli.on(bouncer.url(database).redacted()).run("db", "upgrade");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stderr()).contains("goes through a pooler in transaction mode");
        }
        assertThat(new Catalog(database).tables()).isEmpty();
    }

    @Test
    void anUpgradeThroughASessionPoolerMigrates() throws Exception {
        DatabaseUrl database = TestDatabase.fresh();
        try (PgBouncer bouncer = PgBouncer.start("session", 1)) {
            CliResult result = Cli.on(bouncer.url(database).redacted()).run("db", "upgrade");

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).startsWith("0001  ");
        }
        assertThat(new Catalog(database).tables()).contains("users", "findings");
    }
}
