package com.auditeng.db.cli;

import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fresh tenant databases spread in turn over two embedded servers, and the targets file that lists them with a
 * password (the servers trust local connections, so the password is only there to be kept out of all output).
 */
final class TenantFleet {
    static final String PASSWORD = "Tenant-S3cret-42";

    private final List<DatabaseUrl> tenants;
    private final Path file;

    private TenantFleet(List<DatabaseUrl> tenants, Path file) {
        this.tenants = tenants;
        this.file = file;
    }

    static TenantFleet create(int size, Path folder) throws IOException {
        List<DatabaseUrl> servers = List.of(TestDatabase.serverUrl(), TestDatabase.secondServerUrl());
        List<DatabaseUrl> tenants = new ArrayList<>();
        StringBuilder text = new StringBuilder("# tenants of the test\n\n");
        for (int i = 0; i < size; i++) {
            DatabaseUrl tenant = TestDatabase.freshOn(servers.get(i % servers.size()));
            tenants.add(tenant);
            text.append("postgresql://postgres:").append(PASSWORD).append("@localhost:").append(tenant.port())
                    .append('/').append(tenant.database()).append('\n');
        }
        Path file = folder.resolve("targets.txt");
        Files.writeString(file, text);
        return new TenantFleet(tenants, file);
    }

    Path file() {
        return file;
    }

    int size() {
        return tenants.size();
    }

    /** Tenant {@code index} (0-based), without the password. */
    DatabaseUrl url(int index) {
        return tenants.get(index);
    }

    /** What the redacted report calls tenant {@code index} (0-based). */
    String label(int index) {
        DatabaseUrl tenant = tenants.get(index);
        return "postgresql://postgres:***@localhost:" + tenant.port() + "/" + tenant.database();
    }

    /** Makes a revision that creates {@code table} fail on tenant {@code index}: the table is already there. */
    void occupy(int index, String table) {
        execute(index, "CREATE TABLE " + table + " (id BIGINT)");
    }

    /** The tenant's applied revisions, oldest first, as the tracking table holds them; empty when it has none. */
    List<String> applied(int index) {
        List<String> ids = new ArrayList<>();
        try (Connection connection = TestDatabase.connect(tenants.get(index));
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT to_regclass('auditeng_revision') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return ids;
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT revision FROM auditeng_revision ORDER BY revision")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest applied revision; empty when none is. */
    Optional<String> current(int index) {
        List<String> applied = applied(index);
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
    }

    /** Whether the tenant still has no table at all: nothing ran on it. */
    boolean isUntouched(int index) {
        try (Connection connection = TestDatabase.connect(tenants.get(index));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rows.next();
            return rows.getLong(1) == 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Advisory locks held on either server right now. */
    static long advisoryLocksHeld() {
        long held = 0;
        for (DatabaseUrl server : List.of(TestDatabase.serverUrl(), TestDatabase.secondServerUrl())) {
            try (Connection connection = TestDatabase.connect(server);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")) {
                rows.next();
                held += rows.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return held;
    }

    void execute(int index, String sql) {
        try (Connection connection = TestDatabase.connect(tenants.get(index));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
