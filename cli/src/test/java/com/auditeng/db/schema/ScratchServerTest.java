package com.auditeng.db.schema;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.schema.ScratchServer.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The maintenance connection a scratch server keeps for its creates and drops, and how its templates are read: on the
 * tests' real server and on an embedded one of a temporary home.
 */
class ScratchServerTest {
    private static final PrintWriter NOWHERE = new PrintWriter(Writer.nullWriter());
    private static final Consumer<ScratchDatabase> BOOKS = scratch -> {
        try (Connection connection = scratch.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE books (id integer PRIMARY KEY, title text)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    };

    @Test
    void createsAndDropsShareOneConnectionWhichIsReplacedOnceTheServerEndsIt() throws Exception {
        DatabaseUrl admin = TestDatabase.serverUrl();
        try (Connection observer = TestDatabase.connect(admin);
             ScratchServer server = ScratchServer.at(admin, NOWHERE)) {
            Timestamp start = now(observer);
            for (int i = 0; i < 3; i++) {
                server.create().close();
            }
            List<Integer> kept = sessionsSince(observer, start);

            assertThat(kept).as("sessions on the maintenance database opened by three creates and drops").hasSize(1);

            try (Statement statement = observer.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(" + kept.get(0) + ", 5000)");
            }
            server.create().close();

            assertThat(sessionsSince(observer, start)).as("the session that replaced the ended one")
                    .hasSize(1).doesNotContain(kept.get(0));
        }
    }

    @Test
    void theEmbeddedServerIsReadInPlaceAndWhatAReadingChangesIsUndoneWhetherItSucceedsOrFails(@TempDir Path home)
            throws Exception {
        try (ScratchServer server = ScratchServer.embedded(home, Duration.ofSeconds(30), Duration.ZERO, NOWHERE)) {
            String building = server.readTemplate("books", BOOKS, connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE books RENAME TO volumes");
                    statement.execute("CREATE SCHEMA entities");
                }
                return database(connection) + " " + tables(connection);
            });
            assertThat(building).as("the first reading, on the template being built")
                    .startsWith(ScratchServer.PREFIX + "template_").endsWith(" [volumes]");

            assertThatThrownBy(() -> server.readTemplate("books", BOOKS, connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE books");
                }
                throw new IllegalStateException("the reading failed");
            })).hasMessage("the reading failed");

            String after = server.readTemplate("books", BOOKS, connection -> database(connection) + " "
                    + tables(connection) + " " + schemas(connection));
            assertThat(after).isEqualTo(ScratchServer.TEMPLATE_PREFIX + "books [books] []");
        }
    }

    @Test
    void aTemplateAnotherSessionHoldsIsReadWithoutWaitingToNoteTheReading(@TempDir Path home) throws Exception {
        try (ScratchServer server = ScratchServer.embedded(home, Duration.ofSeconds(30), Duration.ZERO, NOWHERE)) {
            String maintenance = server.readTemplate("held", BOOKS, connection -> connection.getMetaData().getURL()
                    .replaceFirst("/[^/?]*(\\?|$)", "/postgres$1"));
            try (Connection other = DriverManager.getConnection(maintenance, "postgres", "")) {
                other.setAutoCommit(false);
                try (Statement statement = other.createStatement()) {
                    // holds the lock the reading's note needs until this session ends
                    statement.execute("COMMENT ON DATABASE " + ScratchServer.TEMPLATE_PREFIX + "held IS 'held'");
                }

                String tables = assertTimeoutPreemptively(Duration.ofSeconds(10),
                        () -> server.readTemplate("held", BOOKS, ScratchServerTest::tables));

                assertThat(tables).isEqualTo("[books]");
                other.rollback();
            }
        }
    }

    @Test
    void aSharedServerReadsTheTemplateAsItIsBuiltThenOnCopiesDroppedAfterThem() throws Exception {
        String key = "books" + ProcessHandle.current().pid();
        onTheTestsServer((observer, server) -> {
            Reading<String> renaming = connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE books RENAME TO volumes");
                }
                return database(connection) + " " + tables(connection);
            };
            String building = server.readTemplate(key, BOOKS, renaming);
            String copy = server.readTemplate(key, BOOKS, renaming);

            assertThat(building).startsWith(ScratchServer.PREFIX + "template_").endsWith(" [volumes]");
            assertThat(copy).startsWith(ScratchServer.PREFIX).doesNotStartWith(ScratchServer.PREFIX + "template_")
                    .endsWith(" [volumes]");
            assertThat(databasesNamed(observer, copy.split(" ")[0])).as("the copy, after the reading").isZero();
            assertThat(databasesNamed(observer, ScratchServer.TEMPLATE_PREFIX + key)).as("the template").isOne();
            String again = server.readTemplate(key, BOOKS, ScratchServerTest::tables);
            assertThat(again).isEqualTo("[books]");
        });
    }

    @Test
    void aTemplateWhoseFirstReadingFailsIsPublishedAllTheSame() throws Exception {
        String key = "failing" + ProcessHandle.current().pid();
        String[] building = new String[1];
        onTheTestsServer((observer, server) -> {
            assertThatThrownBy(() -> server.readTemplate(key, BOOKS, connection -> {
                building[0] = database(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE books");
                }
                throw new IllegalStateException("the reading failed");
            })).hasMessage("the reading failed").hasNoSuppressedExceptions();

            assertThat(databasesNamed(observer, building[0])).as("the database built, under its building name")
                    .isZero();
            assertThat(databasesNamed(observer, ScratchServer.TEMPLATE_PREFIX + key)).isOne();
            String tables = server.readTemplate(key, BOOKS, ScratchServerTest::tables);
            assertThat(tables).isEqualTo("[books]");
        });
    }

    @Test
    void aTemplateAnotherCommandPublishedMeanwhileIsKeptAndTheReadingStillAnswers() throws Exception {
        String key = "raced" + ProcessHandle.current().pid();
        String template = ScratchServer.TEMPLATE_PREFIX + key;
        onTheTestsServer((observer, server) -> {
            String building = server.readTemplate(key, BOOKS, connection -> {
                try (Statement statement = observer.createStatement()) {
                    statement.execute("CREATE DATABASE " + template);   // as another command's build would
                }
                return database(connection);
            });

            assertThat(building).startsWith(ScratchServer.PREFIX + "template_");
            assertThat(databasesNamed(observer, building)).as("this command's build, dropped").isZero();
            assertThat(databasesNamed(observer, template)).as("the other command's template").isOne();
        });
    }

    @Test
    void aTemplateAnotherCommandDroppedIsBuiltAgainAtTheNextReading() throws Exception {
        String key = "dropped" + ProcessHandle.current().pid();
        String template = ScratchServer.TEMPLATE_PREFIX + key;
        onTheTestsServer((observer, server) -> {
            server.readTemplate(key, BOOKS, ScratchServerTest::tables);
            try (Statement statement = observer.createStatement()) {
                statement.execute("DROP DATABASE " + template);   // as another command's publishing may
            }

            String again = server.readTemplate(key, BOOKS, connection -> database(connection) + " "
                    + tables(connection));

            assertThat(again).startsWith(ScratchServer.PREFIX + "template_").endsWith(" [books]");
            assertThat(databasesNamed(observer, template)).isOne();
        });
    }

    @Test
    void theServerKeepsTheFiveTemplatesReadLastAndDropsTheOthers() throws Exception {
        String key = "kept" + ProcessHandle.current().pid() + "x";
        onTheTestsServer((observer, server) -> {
            for (int i = 1; i <= 5; i++) {
                server.readTemplate(key + i, BOOKS, ScratchServerTest::tables);
            }
            String again = server.readTemplate(key + 1, BOOKS, ScratchServerTest::database);
            server.readTemplate(key + 6, BOOKS, ScratchServerTest::tables);

            assertThat(again).as("the first template, read again").doesNotStartWith(ScratchServer.PREFIX + "template_");
            List<Integer> kept = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                if (databasesNamed(observer, ScratchServer.TEMPLATE_PREFIX + key + i) == 1) {
                    kept.add(i);
                }
            }
            // the second was read longest ago: the first was read again after it, though built before it
            assertThat(kept).containsExactly(1, 3, 4, 5, 6);
        });
    }

    private interface OnServer {
        void run(Connection observer, ScratchServer server) throws Exception;
    }

    /** Runs {@code test} with a scratch server on the tests' server and a connection of its own to watch it. */
    private static void onTheTestsServer(OnServer test) throws Exception {
        DatabaseUrl admin = TestDatabase.serverUrl();
        try (Connection observer = TestDatabase.connect(admin);
             ScratchServer server = ScratchServer.at(admin, NOWHERE)) {
            test.run(observer, server);
        }
    }

    private static String database(Connection connection) throws SQLException {
        return single(connection, "SELECT current_database()");
    }

    private static String tables(Connection connection) throws SQLException {
        return "[" + single(connection, "SELECT string_agg(tablename, ', ' ORDER BY tablename) FROM pg_tables "
                + "WHERE schemaname = 'public'") + "]";
    }

    private static String schemas(Connection connection) throws SQLException {
        String schemas = single(connection, "SELECT string_agg(nspname, ', ') FROM pg_namespace "
                + "WHERE nspname = 'entities'");
        return "[" + (schemas == null ? "" : schemas) + "]";
    }

    // the names are the server's own, of letters, digits and underscores
    private static int databasesNamed(Connection observer, String name) throws SQLException {
        return Integer.parseInt(single(observer, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Timestamp now(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }

    // the sessions on the maintenance database that began after start, other than the observer's own
    private static List<Integer> sessionsSince(Connection observer, Timestamp start) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (PreparedStatement query = observer.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = "
                + "'postgres' AND backend_start > ? AND pid <> pg_backend_pid()")) {
            query.setTimestamp(1, start);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
        }
        return pids;
    }
}
