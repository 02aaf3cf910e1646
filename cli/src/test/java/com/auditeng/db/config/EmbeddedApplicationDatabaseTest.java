package com.auditeng.db.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// with auditeng-db-embedded on the class path, an unset DATABASE_URL means the embedded server, as on the command line
class EmbeddedApplicationDatabaseTest {
    @TempDir
    Path home;

    @Test
    void noUrlStartsTheEmbeddedServerAndClosingStopsIt() throws Exception {
        ByteArrayOutputStream notes = new ByteArrayOutputStream();
        DatabaseUrl url;
        try (ApplicationDatabase database = ApplicationDatabase.of(null, home, new PrintStream(notes, true))) {
            url = database.url();
            assertThat(database.isEmbedded()).isTrue();
            try (Connection connection = new DatabaseConnector(url).open();
                 ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(EmbeddedDatabase.DATABASE);
            }
        }
        assertThat(notes.toString()).contains("no DATABASE_URL given; using the embedded PostgreSQL in " + home);
        assertThat(home.resolve("postgres")).isDirectory();
        DatabaseUrl stopped = url;
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(stopped.host(), stopped.port()), 1000);
            }
        }).isInstanceOf(java.io.IOException.class);
    }
}
