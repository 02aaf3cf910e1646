package com.auditeng.db.migrate;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration lock is one per database and schema of the tracking table, and names its holder there. */
class AdvisoryLockTest {
    private static final Path MIGRATIONS = Path.of("../migrate/src/main/resources/db/migrations");
    private final StringWriter notes = new StringWriter();

    @Test
    void aLockHeldInOneDatabaseDoesNotBlockAnUpgradeInAnotherOfTheSameServer() throws SQLException {
        DatabaseUrl first = TestDatabase.fresh();
        DatabaseUrl second = TestDatabase.fresh();

        try (Connection holder = TestDatabase.connect(first);
             AdvisoryLock ignored = AdvisoryLock.acquire(holder, Duration.ZERO, new PrintWriter(notes))) {
            runner(second).upgrade(Target.parse("head"), applied -> { });
        }

        assertThat(new Catalog(second).rows("SELECT revision FROM auditeng_revision")).containsExactly("0001");
        assertThat(notes.toString()).doesNotContain("waiting");
    }

    @Test
    void aLockHeldForOneSchemaDoesNotBlockAnUpgradeInAnotherSchemaOfTheSameDatabase() throws SQLException {
        DatabaseUrl database = TestDatabase.fresh();
        new Catalog(database).execute("CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b");

        try (Connection holder = TestDatabase.connect(inSchema(database, "tenant_a"));
             AdvisoryLock ignored = AdvisoryLock.acquire(holder, Duration.ZERO, new PrintWriter(notes))) {
            runner(inSchema(database, "tenant_b")).upgrade(Target.parse("head"), applied -> { });
        }

        assertThat(new Catalog(database).rows("SELECT revision FROM tenant_b.auditeng_revision"))
                .containsExactly("0001");
        assertThat(notes.toString()).doesNotContain("waiting");
    }

    @Test
    void theHolderNamedIsTheSessionInTheSameDatabaseWhenLocksAreHeldInTwo() throws SQLException {
        DatabaseUrl first = TestDatabase.fresh();
        DatabaseUrl second = TestDatabase.fresh();

        try (Connection firstHolder = TestDatabase.connect(first);
             Connection secondHolder = TestDatabase.connect(second);
             AdvisoryLock a = AdvisoryLock.acquire(firstHolder, Duration.ZERO, new PrintWriter(notes));
             AdvisoryLock b = AdvisoryLock.acquire(secondHolder, Duration.ZERO, new PrintWriter(notes));
             Connection firstWaiter = TestDatabase.connect(first);
             Connection secondWaiter = TestDatabase.connect(second)) {

            assertThat(AdvisoryLock.holder(firstWaiter)).startsWith("held by server pid " + pid(firstHolder) + " ");
            assertThat(AdvisoryLock.holder(secondWaiter)).startsWith("held by server pid " + pid(secondHolder) + " ");
        }
    }

    @Test
    void theKeyIsTheSameForEverySessionOfASchemaAndPublicKeepsTheKeyOfEarlierVersions() throws SQLException {
        DatabaseUrl database = TestDatabase.fresh();

        try (Connection one = TestDatabase.connect(database); Connection other = TestDatabase.connect(database);
             Connection tenant = TestDatabase.connect(database); Statement statement = tenant.createStatement()) {
            statement.execute("CREATE SCHEMA tenant_a; SET search_path = tenant_a");

            assertThat(AdvisoryLock.keyOf(one)).isEqualTo(AdvisoryLock.keyOf(other)).isEqualTo(0x4155444954454E47L)
                    .isNotEqualTo(AdvisoryLock.keyOf(tenant));
        }
    }

    private MigrationRunner runner(DatabaseUrl url) {
        return new MigrationRunner(new DatabaseConnector(url), Revisions.load(MIGRATIONS), new RevisionCompiler(),
                Duration.ofSeconds(2), new PrintWriter(notes, true));
    }

    // pgjdbc's currentSchema sets the search_path, where the revisions and the tracking table are created
    private static DatabaseUrl inSchema(DatabaseUrl url, String schema) {
        return new DatabaseUrl(url.host(), url.port(), url.database(), url.user(), url.password(),
                Map.of("currentSchema", schema));
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
