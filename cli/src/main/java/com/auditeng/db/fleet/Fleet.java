package com.auditeng.db.fleet;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseConnector;
import com.auditeng.db.config.DatabaseUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The databases one command works on, in the order they were listed; never empty, no database twice. */
public record Fleet(String source, List<FleetTarget> targets) {

    public Fleet {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new ConfigurationException(source + " names no database; list one URL a line "
                    + "(postgresql://user:password@host:5432/tenant_1), '#' starts a comment");
        }
    }

    /** One URL a line; blank lines and lines starting with {@code #} are skipped. */
    public static Fleet read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("targets file " + file + " does not exist; give the path of a file "
                    + "listing one database URL a line", e);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read targets file " + file + " (" + e.getClass().getSimpleName()
                    + "); check its path and permissions", e);
        }
        List<Listed> listed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                listed.add(new Listed(file + " line " + (i + 1), line));
            }
        }
        return of(file.toString(), listed);
    }

    /** The URLs in the first column of what {@code sql} returns on the control database, in the order returned. */
    public static Fleet query(DatabaseConnector control, String sql) {
        String source = "--targets-query on " + control.url().redacted();
        List<Listed> listed = new ArrayList<>();
        try (Connection connection = control.open();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                String url = rows.getString(1);
                listed.add(new Listed(source + " row " + (listed.size() + 1), url == null ? "" : url.strip()));
            }
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "no detail" : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigurationException(source + " failed (" + control.redact(message)
                    + "); the query must return one database URL a row in its first column", e);
        }
        return of(source, listed);
    }

    private record Listed(String origin, String text) {
    }

    private static Fleet of(String source, List<Listed> listed) {
        List<FleetTarget> targets = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Listed entry : listed) {
            DatabaseUrl url = parse(entry);
            String earlier = seen.putIfAbsent(url.jdbcUrl(), entry.origin());
            if (earlier != null) {
                // two runs on one database would only wait for each other's lock; a copy-paste slip is likelier
                throw new ConfigurationException(entry.origin() + " names the database of " + earlier + " again ("
                        + url.redacted() + "); list each database once");
            }
            targets.add(new FleetTarget(targets.size() + 1, entry.origin(), url));
        }
        return new Fleet(source, targets);
    }

    private static DatabaseUrl parse(Listed entry) {
        try {
            return DatabaseUrl.parse(entry.text(), Map.of(), "the URL");
        } catch (ConfigurationException e) {
            throw new ConfigurationException(entry.origin() + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return targets.size();
    }
}
