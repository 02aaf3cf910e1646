package com.auditeng.db.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
        systemIdentifierOfANewServerIn(first);   // made by initdb, or a copy: either way a template is kept now
        long kept = systemIdentifierOf(ClusterTemplate.forThisEnvironment().kept().orElseThrow());
        // a copy left half made by a command killed in the middle is no cluster, and makes way for a whole one
        Files.createDirectories(second.resolve("postgres.copying/base"));

        long copied = systemIdentifierOfANewServerIn(second);

        // initdb draws each cluster's identifier from the time and its process id: only a copy has the same one
        assertThat(copied).isEqualTo(kept);
        assertThat(second.resolve("postgres.copying")).doesNotExist();
    }

    @Test
    void aTemplateThatDoesNotStartIsReplacedByTheClusterInitdbMakes(@TempDir Path cache) throws Exception {
        // a cache of its own: the run's other JVMs, which share the run's, would wait on this template too
        ClusterTemplate template = ClusterTemplate.in(CacheFolder.in(cache.resolve("jar")));
        EmbeddedDatabase.startOnTemplate(first, first.resolve("postgres"), template).close();
        // a damaged template: zonky runs initdb into the copy, which fails at once. (One of other binaries fails the
        // same way, after zonky's 10 s wait for a server that refused the cluster.)
        Files.delete(template.kept().orElseThrow().resolve("postgresql.conf"));

        long made;
        try (EmbeddedPostgres server = EmbeddedDatabase.startOnTemplate(second, second.resolve("postgres"), template);
             Connection connection = server.getPostgresDatabase().getConnection()) {
            made = systemIdentifier(connection);
        }

        assertThat(template.kept().orElseThrow().resolve("postgresql.conf")).exists();
        assertThat(systemIdentifierOf(template.kept().orElseThrow())).as("the template kept from initdb's cluster")
                .isEqualTo(made);
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

    // pg_control begins with the cluster's identifier, a 64-bit number in the machine's byte order
    private static long systemIdentifierOf(Path cluster) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(cluster.resolve("global/pg_control")), 0, Long.BYTES)
                .order(ByteOrder.nativeOrder()).getLong();
    }

    private static long systemIdentifierOfANewServerIn(Path home) throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home, Duration.ofSeconds(30), Duration.ZERO,
                new PrintWriter(new StringWriter(), true));
             Connection connection = new DatabaseConnector(database.url()).open()) {
            return systemIdentifier(connection);
        }
    }

    private static long systemIdentifier(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(
                "SELECT system_identifier FROM pg_control_system()")) {
            row.next();
            return row.getLong(1);
        }
    }
}
