package com.auditeng.db.schema;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.config.EmbeddedDatabase;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A PostgreSQL server on which {@link ScratchDatabase}s are created and dropped: by default the embedded one, so
 * that check, verify and autogenerate never need, nor touch, the user's own database.
 */
public final class ScratchServer implements AutoCloseable {
    /** The setting that names a running server, named in the fix of a failure to use it. */
    public static final String SETTING = "--scratch-url (AUDITENG_SCRATCH_URL)";
    // what a failure to use the embedded server says to fix: its address is its own, not DATABASE_URL's
    private static final String EMBEDDED = "the embedded PostgreSQL's address (run 'db stop' and retry, or set "
            + SETTING + ")";
    static final String PREFIX = "auditeng_scratch_";
    static final String TEMPLATE_PREFIX = "auditeng_head_";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNDEFINED_DATABASE = "3D000";
    /*
     * Templates kept on a server, the most recently read: a server shared by several branches or projects (CI's
     * --scratch-url), or a developer moving between branches, would otherwise build each one's schema again at every
     * turn, as the suite did: 77 of its 118 template builds were of two sets of revisions, dropped in between by
     * others. Five of them take about 40 MB on the embedded server.
     */
    private static final int KEPT_TEMPLATES = 5;
    // the last reading, as a comment on the template (psql's \l+ shows it): fixed-width, so the text sorts by time
    private static final DateTimeFormatter READ_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private final DatabaseUrl maintenance;
    private final String setting;
    private final Optional<EmbeddedDatabase> owned;
    private final PrintWriter notes;
    // opened on first use and kept until close: every create, drop and listing of a command shares it, where a
    // connection each would cost the server a backend each (five for a check)
    private Connection maintenanceConnection;

    /** @param setting where the server's URL came from: what a failure to connect says to fix */
    private ScratchServer(DatabaseUrl maintenance, String setting, Optional<EmbeddedDatabase> owned,
                          PrintWriter notes) {
        this.maintenance = maintenance;
        this.setting = setting;
        this.owned = owned;
        this.notes = notes;
    }

    /**
     * The embedded PostgreSQL of {@code home}, started unless it runs, waiting up to {@code wait} while another
     * command has it; closing this leaves it running for {@code idle}.
     */
    public static ScratchServer embedded(Path home, Duration wait, Duration idle, PrintWriter notes) {
        EmbeddedDatabase embedded;
        try {
            // the user's database is never the scratch database: setting DATABASE_URL would not help
            embedded = EmbeddedDatabase.start(home, wait, idle, notes, "");
        } catch (ConfigurationException e) {
            throw new ConfigurationException("the scratch database lives in the embedded PostgreSQL, which did not "
                    + "start: " + e.getMessage(), e);
        }
        ScratchServer server = new ScratchServer(embedded.url().withDatabase("postgres"), EMBEDDED,
                Optional.of(embedded), notes);
        // the home lock is ours, so no other command uses this server: scratch databases left here were orphaned
        server.dropOrphans();
        return server;
    }

    /**
     * A server that is already running, named by {@code --scratch-url} (or the variable for it), such as the one the
     * tests share; closing this leaves it running.
     */
    public static ScratchServer at(DatabaseUrl server, PrintWriter notes) {
        return new ScratchServer(server.withDatabase("postgres"), SETTING, Optional.empty(), notes);
    }

    /** Connections to {@code database}, one of this server's. */
    DatabaseConnector connector(DatabaseUrl database) {
        return new DatabaseConnector(database, setting);
    }

    /** What a command reads on a scratch database; what it changes there is undone (see {@link #readTemplate}). */
    @FunctionalInterface
    public interface Reading<T> {
        T read(Connection connection) throws SQLException;
    }

    /**
     * What {@code reading} finds on a database holding what {@code build} makes of an empty one, in a transaction
     * rolled back after it, so that it may change what it reads (create a schema, rename a table) and leave nothing.
     *
     * <p>What {@code build} makes is kept on the server as a template database named by {@code key} (a digest of
     * what {@code build} runs, so that a key names one content): the schema of 1,000 revisions costs one build. The
     * server keeps the five templates read last, and drops the others as it publishes a new one.
     * Where {@code reading} runs:
     * <ul>
     *   <li>on the template as it is built, before it is published under its name, when the server lacks it: no
     *   other command knows that database yet;</li>
     *   <li>on the template itself on the embedded server, which is this command's alone while it holds the home's
     *   lock: a copy of it (CREATE DATABASE ... TEMPLATE) took 95 to 145 of the 700 ms of an autogenerate;</li>
     *   <li>on a copy, dropped after it, on a server named by {@code --scratch-url}: there other commands may copy
     *   the template or replace it with another meanwhile, which a connection to it would stop or break.</li>
     * </ul>
     */
    public <T> T readTemplate(String key, Consumer<ScratchDatabase> build, Reading<T> reading) throws SQLException {
        if (!key.matches("[a-z0-9]{1,40}")) {
            throw new IllegalArgumentException("a template key is 1 to 40 lower-case letters and digits: " + key);
        }
        String template = TEMPLATE_PREFIX + key;
        if (owned.isPresent()) {
            // this command holds the embedded server alone: no other drops the template it sees
            if (!exists(template)) {
                return buildThenRead(template, build, reading);
            }
            markRead(template);
            return readOn(template, reading);
        }
        String name = PREFIX + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        // copied without a look first: another command publishing a template may drop this one between the two
        if (!copyTemplate(template, name)) {
            return buildThenRead(template, build, reading);
        }
        markRead(template);
        try (ScratchDatabase copy = new ScratchDatabase(this, maintenance.withDatabase(name), notes)) {
            return readOn(copy.url().database(), reading);
        }
    }

    /** Creates {@code name} as a copy of {@code template}; false when there is no such template. */
    private synchronized boolean copyTemplate(String template, String name) {
        try (Statement statement = connection().createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + template + copyStrategy());
            return true;
        } catch (SQLException e) {
            if (UNDEFINED_DATABASE.equals(e.getSQLState())) {
                return false;
            }
            throw failure("prepare a scratch database", e);
        }
    }

    private <T> T buildThenRead(String template, Consumer<ScratchDatabase> build, Reading<T> reading)
            throws SQLException {
        String building = PREFIX + "template_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + building + copyStrategy());
        ScratchDatabase scratch = new ScratchDatabase(this, maintenance.withDatabase(building), notes);
        try {
            build.accept(scratch);
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
        // what the reading changed is undone, so the template is published whether or not the reading succeeded
        T read;
        try {
            read = readOn(building, reading);
        } catch (SQLException | RuntimeException e) {
            try {
                publish(building, template);
            } catch (RuntimeException publishing) {
                e.addSuppressed(publishing);
            }
            throw e;
        }
        publish(building, template);
        return read;
    }

    /**
     * Gives a template built under {@code building} its name, only once it is complete, so that a template is never
     * half built. Another command that lacked it too may have published it meanwhile: its name says it holds the
     * same, so this copy is dropped.
     */
    private synchronized void publish(String building, String template) {
        try (Statement statement = connection().createStatement()) {
            statement.execute("ALTER DATABASE " + building + " RENAME TO " + template);
        } catch (SQLException e) {
            drop(building);
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return;
            }
            throw failure("prepare a scratch database", e);
        }
        markRead(template);
        dropLeastRecentlyRead();
    }

    private <T> T readOn(String database, Reading<T> reading) throws SQLException {
        try (Connection connection = connector(maintenance.withDatabase(database)).open()) {
            return RolledBackWork.run(connection, () -> reading.read(connection));
        }
    }

    /** A new, empty database, dropped again when closed. */
    public ScratchDatabase create() {
        String name = PREFIX + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name + copyStrategy());
        return new ScratchDatabase(this, maintenance.withDatabase(name), notes);
    }

    void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Override
    public synchronized void close() {
        try {
            if (maintenanceConnection != null) {
                maintenanceConnection.close();
            }
        } catch (SQLException e) {
            // the server is left as it was; a connection that fails to close is gone with it
        } finally {
            maintenanceConnection = null;
            owned.ifPresent(EmbeddedDatabase::close);
        }
    }

    /**
     * How the embedded server creates a database, which is a copy of another: a scratch database is small and the
     * embedded server runs without fsync (zonky starts it with {@code -F}), so copying its files (and the two
     * checkpoints that takes) is faster than writing every page through the WAL, the default since PostgreSQL 15:
     * 25 against 41 ms for a copy of the schema at head, timed in psql. A server named by {@code --scratch-url} keeps
     * its default, as a forced checkpoint there may slow its other users.
     */
    private String copyStrategy() {
        try {
            return owned.isPresent() && connection().getMetaData().getDatabaseMajorVersion() >= 15
                    ? " STRATEGY FILE_COPY" : "";
        } catch (SQLException e) {
            throw failure("read the server's version", e);
        }
    }

    private synchronized boolean exists(String database) {
        return !databases(database).isEmpty();
    }

    /**
     * Notes on {@code template} when it was read last, if it can at once: the comment waits for the copies of the
     * template other commands are making, and copies started after it would wait for it. A server shared with other
     * roles may refuse the comment on a template another role built. Either way the reading goes on: only the order in
     * which templates are dropped depends on the note.
     */
    private synchronized void markRead(String template) {
        Connection connection = connection();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL lock_timeout = '50ms'");
            statement.execute("COMMENT ON DATABASE " + template + " IS 'auditeng: the schema at head of a set of "
                    + "revisions, last read " + READ_AT.format(Instant.now()) + " UTC'");
            connection.commit();
        } catch (SQLException e) {
            rollBack(connection);
        } finally {
            autoCommit(connection);
        }
    }

    /** Drops the templates beyond the five read last, of those this role may drop; one that will not drop stays. */
    private void dropLeastRecentlyRead() {
        names("SELECT datname FROM pg_database WHERE datname LIKE ? AND pg_has_role(datdba, 'MEMBER') "
                + "ORDER BY shobj_description(oid, 'pg_database') DESC NULLS LAST, oid DESC OFFSET ?",
                TEMPLATE_PREFIX + "%", KEPT_TEMPLATES).forEach(name -> {
                    try {
                        drop(name);
                    } catch (ConfigurationException e) {
                        // another command is copying it or dropped it already: it goes at a later publishing
                    }
                });
    }

    private static void rollBack(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // a broken connection is replaced at its next use
        }
    }

    private static void autoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection is replaced at its next use
        }
    }

    private List<String> databases(String pattern) {
        return names("SELECT datname FROM pg_database WHERE datname LIKE ?", pattern);
    }

    private synchronized List<String> names(String query, Object... parameters) {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection().prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("list the scratch databases", e);
        }
        return names;
    }

    private void dropOrphans() {
        databases(PREFIX + "%").forEach(this::drop);
    }

    private synchronized void execute(String... statements) {
        try (Statement statement = connection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw failure("prepare a scratch database", e);
        }
    }

    // a connection the server ended meanwhile (a restart, idle_session_timeout, a pooler) is replaced, not reused
    private synchronized Connection connection() {
        try {
            if (maintenanceConnection != null && !maintenanceConnection.isValid(5)) {
                maintenanceConnection.close();
                maintenanceConnection = null;
            }
        } catch (SQLException e) {
            maintenanceConnection = null;
        }
        if (maintenanceConnection == null) {
            maintenanceConnection = connector(maintenance).open();
        }
        return maintenanceConnection;
    }

    private ConfigurationException failure(String action, SQLException e) {
        String detail = connector(maintenance).redact(
                e.getMessage() == null ? null : e.getMessage().lines().findFirst().orElse(""));
        return new ConfigurationException("cannot " + action + " on " + maintenance.redacted() + " (" + detail
                + "); the server must let its user create databases", e);
    }
}
