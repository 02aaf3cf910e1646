package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.HostileUrls;
import com.auditeng.db.HostileUrls.HostileUrl;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated URLs of every shape: their password never shows, whatever the parser makes of them. */
class HostileUrlTest {

    @Test
    void noPasswordShowsInParseErrorsRedactedFormsOrTheJdbcUrl() {
        HostileUrls urls = new HostileUrls();
        int parsed = 0;
        for (int i = 0; i < HostileUrls.CASES; i++) {
            HostileUrl url = urls.next();
            Map<String, String> environment = urls.environment(url.password());

            assertThat(url.leakIn(DatabaseUrl.redact(url.text()))).as(url.describe("redact(text)")).isNull();
            try {
                DatabaseUrl databaseUrl = DatabaseUrl.parse(url.text(), environment);
                parsed++;
                assertThat(url.leakIn(databaseUrl.redacted())).as(url.describe("redacted()")).isNull();
                assertThat(url.leakIn(databaseUrl.toString())).as(url.describe("toString()")).isNull();
                assertThat(url.leakIn(databaseUrl.jdbcUrl())).as(url.describe("jdbcUrl()")).isNull();
                assertThat(url.leakIn(databaseUrl.user())).as(url.describe("the user")).isNull();
            } catch (ConfigurationException e) {
                assertThat(url.leakIn(e.getMessage())).as(url.describe("the parse error " + e.getMessage())).isNull();
                assertThat(e.getMessage()).as(url.describe("a one-line error")).doesNotContain("\n");
            }
        }
        assertThat(parsed).as("seed " + HostileUrls.SEED + ": some generated URLs are valid").isPositive();
    }

    @Test
    void noPasswordShowsWhenConnectingFails() throws IOException {
        HostileUrls urls = new HostileUrls();
        int port = closedPort();
        int tried = 0;
        for (int i = 0; tried < 50 && i < 10_000; i++) {
            HostileUrl url = urls.next("127.0.0.1", ":" + port);
            DatabaseUrl databaseUrl;
            try {
                databaseUrl = DatabaseUrl.parse(url.text(), urls.environment(url.password()));
            } catch (ConfigurationException e) {
                continue;
            }
            tried++;
            DatabaseConnector connector = new DatabaseConnector(databaseUrl);
            try (Connection ignored = connector.open()) {
                throw new AssertionError(url.describe("nothing: a closed port accepted a connection"));
            } catch (ConfigurationException e) {
                assertThat(url.leakIn(e.getMessage())).as(url.describe("the error " + e.getMessage())).isNull();
                assertThat(url.leakIn(e.getCause().getMessage())).as(url.describe("its cause")).isNull();
            } catch (Exception e) {
                throw new AssertionError(url.describe("nothing, but failed unexpectedly: " + e), e);
            }
        }
        assertThat(tried).as("seed " + HostileUrls.SEED).isEqualTo(50);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
