package com.auditeng.db.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A new home's cluster copied from the one initdb made for an earlier home, rather than made by initdb again. */
class ClusterTemplateTest {
    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void aNewHomeGetsACopyOfTheClusterInitdbMadeBefore() throws Exception {
        long made = systemIdentifierOfANewServerIn(first);
        // a copy left half made by a command killed in the middle is no cluster, and makes way for a whole one
        Files.createDirectories(second.resolve("postgres.copying/base"));

        long copied = systemIdentifierOfANewServerIn(second);

        // initdb draws each cluster's identifier from the time and its process id: only a copy has the same one
        assertThat(copied).isEqualTo(made);
        assertThat(second.resolve("postgres.copying")).doesNotExist();
    }

    @Test
    void eachLocaleTimeZoneAndUserHasATemplateOfItsOwn() {
        String english = ClusterTemplate.key("dev", "UTC", Map.of("LANG", "en_US.UTF-8", "HOME", "/home/dev"));

        assertThat(ClusterTemplate.key("dev", "UTC", Map.of("LANG", "en_US.UTF-8", "HOME", "/root")))
                .as("a variable initdb does not read").isEqualTo(english);
        assertThat(ClusterTemplate.key("dev", "UTC", Map.of("LANG", "de_DE.UTF-8"))).isNotEqualTo(english);
        assertThat(ClusterTemplate.key("dev", "UTC", Map.of("LANG", "en_US.UTF-8", "LC_COLLATE", "C")))
                .isNotEqualTo(english);
        assertThat(ClusterTemplate.key("dev", "UTC", Map.of("LANG", "en_US.UTF-8", "TZ", "Europe/Prague")))
                .isNotEqualTo(english);
        assertThat(ClusterTemplate.key("dev", "Europe/Prague", Map.of("LANG", "en_US.UTF-8"))).isNotEqualTo(english);
        assertThat(ClusterTemplate.key("ci", "UTC", Map.of("LANG", "en_US.UTF-8"))).isNotEqualTo(english);
    }

    private static long systemIdentifierOfANewServerIn(Path home) throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home, Duration.ofSeconds(30), Duration.ZERO,
                new PrintWriter(new StringWriter(), true));
             Connection connection = new DatabaseConnector(database.url()).open();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT system_identifier FROM pg_control_system()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
