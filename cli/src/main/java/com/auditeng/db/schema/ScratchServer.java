package com.auditeng.db.schema;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.config.EmbeddedDatabase;
import com.auditeng.db.migrate.CompiledRevision;
import com.auditeng.db.migrate.RevisionCompiler;
import com.auditeng.db.migrate.RevisionFile;
import com.auditeng.db.migrate.Revisions;
import com.auditeng.db.migrate.Target;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PostgreSQL server on which {@link ScratchDatabase}s are created and dropped: by default the embedded one, so
 * that check, verify and autogenerate never need, nor touch, the user's own database.
 */
public final class ScratchServer implements AutoCloseable {
    static final String PREFIX = "auditeng_scratch_";
    static final String TEMPLATE_PREFIX = "auditeng_head_";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DatabaseUrl maintenance;
    private final Optional<EmbeddedDatabase> owned;
    private final PrintWriter notes;

    private ScratchServer(DatabaseUrl maintenance, Optional<EmbeddedDatabase> owned, PrintWriter notes) {
        this.maintenance = maintenance;
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
            embedded = EmbeddedDatabase.start(home, wait, idle, notes);
        } catch (ConfigurationException e) {
            // its advice to set DATABASE_URL does not apply: the user's database is never the scratch database
            String reason = e.getMessage().replace(", or set DATABASE_URL to use another server", "");
            throw new ConfigurationException("the scratch database lives in the embedded PostgreSQL, which did not "
                    + "start: " + reason, e);
        }
        ScratchServer server = new ScratchServer(embedded.url().withDatabase("postgres"), Optional.of(embedded), notes);
        // the home lock is ours, so no other command uses this server: scratch databases left here were orphaned
        server.dropOrphans();
        return server;
    }

    /** A server that is already running, such as the one the tests share; closing this leaves it running. */
    public static ScratchServer at(DatabaseUrl server, PrintWriter notes) {
        return new ScratchServer(server.withDatabase("postgres"), Optional.empty(), notes);
    }

    /**
     * A new database holding the schema the revisions build, dropped again when closed. The schema at head is built
     * once per set of revisions into a template database kept on the server, named by a digest of the revisions'
     * SQL; later calls copy the template, so check and autogenerate cost the same at 10 revisions as at 1,000.
     */
    public ScratchDatabase createAtHead(Revisions revisions, RevisionCompiler compiler) {
        String template = TEMPLATE_PREFIX + digest(revisions, compiler);
        if (!exists(template)) {
            String building = PREFIX + "template_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            execute("CREATE DATABASE " + building);
            ScratchDatabase scratch = new ScratchDatabase(this, maintenance.withDatabase(building), notes);
            try {
                scratch.runner(revisions).upgrade(Target.parse("head"), applied -> { });
            } catch (RuntimeException e) {
                scratch.close();
                throw e;
            }
            // published under its final name only once complete, so a template is never half built
            execute("ALTER DATABASE " + building + " RENAME TO " + template);
            dropTemplatesOtherThan(template);
        }
        String name = PREFIX + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        return new ScratchDatabase(this, maintenance.withDatabase(name), notes);
    }

    /** A new, empty database, dropped again when closed. */
    public ScratchDatabase create() {
        String name = PREFIX + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
        return new ScratchDatabase(this, maintenance.withDatabase(name), notes);
    }

    void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    @Override
    public void close() {
        owned.ifPresent(EmbeddedDatabase::close);
    }

    private static String digest(Revisions revisions, RevisionCompiler compiler) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RevisionFile file : revisions.all()) {
                CompiledRevision revision = compiler.compile(file);
                digest.update((file.id() + "\n" + revision.transactional() + "\n").getBytes(StandardCharsets.UTF_8));
                for (String sql : revision.upgrade()) {
                    digest.update((sql + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private boolean exists(String database) {
        return !databases(database).isEmpty();
    }

    private void dropTemplatesOtherThan(String template) {
        databases(TEMPLATE_PREFIX + "%").stream().filter(name -> !name.equals(template)).forEach(this::drop);
    }

    private List<String> databases(String pattern) {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            statement.setString(1, pattern);
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
        List<String> orphans = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
                     + PREFIX + "%'")) {
            while (rows.next()) {
                orphans.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw failure("list the scratch databases", e);
        }
        orphans.forEach(this::drop);
    }

    private void execute(String... statements) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw failure("prepare a scratch database", e);
        }
    }

    private Connection connect() throws SQLException {
        return DatabaseConnector.connect(maintenance);
    }

    private ConfigurationException failure(String action, SQLException e) {
        String detail = new DatabaseConnector(maintenance).redact(
                e.getMessage() == null ? null : e.getMessage().lines().findFirst().orElse(""));
        return new ConfigurationException("cannot " + action + " on " + maintenance.redacted() + " (" + detail
                + "); the server must let its user create databases", e);
    }
}
