package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.PasswordServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A URL means what it means to psql: libpq's environment fills the gaps, its parameters are translated or refused. */
class LibpqConventionsTest {
    private static final Map<String, String> ENVIRONMENT = Map.of("PGHOST", "env.internal", "PGPORT", "6432",
            "PGUSER", "envuser", "PGPASSWORD", "envsecret", "PGDATABASE", "envdb", "PGSSLMODE", "require");

    @Test
    void theEnvironmentFillsEverythingTheUrlLeavesOut() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://", ENVIRONMENT);

        assertThat(url).usingRecursiveComparison().isEqualTo(new DatabaseUrl("env.internal", 6432, "envdb", "envuser",
                "envsecret", Map.of("sslmode", "require")));
        assertThat(url.redacted()).doesNotContain("envsecret");
    }

    @Test
    void whatTheUrlSaysWinsOverTheEnvironment() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:urlsecret@db.internal:5433/auditeng?sslmode=disable",
                ENVIRONMENT);

        assertThat(url).usingRecursiveComparison().isEqualTo(new DatabaseUrl("db.internal", 5433, "auditeng", "app",
                "urlsecret", Map.of("sslmode", "disable")));
    }

    @Test
    void theEnvironmentFillsOnlyTheMissingPieces() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@db.internal/auditeng", ENVIRONMENT);

        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6432);
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("envsecret");
        assertThat(url.database()).isEqualTo("auditeng");
        assertThat(url.params()).containsEntry("sslmode", "require");
    }

    @Test
    void withoutTheEnvironmentTheDefaultsAreLibpqs() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@/", Map.of());

        assertThat(url).usingRecursiveComparison().isEqualTo(parse("postgresql://app@/"));
        assertThat(url).usingRecursiveComparison().isEqualTo(new DatabaseUrl("localhost", 5432, "app", "app", null,
                Map.of()));
    }

    @Test
    void queryParametersOverrideTheAuthorityAsInLibpq() {
        DatabaseUrl url = parse("postgresql://app@db.internal/auditeng?host=other.internal&port=6543&dbname=tenant");

        assertThat(url.host()).isEqualTo("other.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("tenant");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://other.internal:6543/tenant");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql:///auditeng?host=/var/run/postgresql",
            "postgresql://%2Fvar%2Frun%2Fpostgresql/auditeng", "postgresql://app@%2Ftmp:5432/auditeng"})
    void aUnixSocketIsRefusedNamingTcpInstead(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unix sockets are not supported").hasMessageContaining("host=localhost");
    }

    @Test
    void aUnixSocketInPghostIsRefusedToo() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///auditeng", Map.of("PGHOST", "/var/run/postgresql")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("PGHOST names a Unix socket directory");
    }

    @ParameterizedTest
    @CsvSource({"any,any", "read-write,primary", "read-only,secondary", "primary,primary", "standby,secondary",
            "prefer-standby,preferSecondary"})
    void targetSessionAttrsIsTranslatedToPgjdbcsTargetServerType(String libpq, String pgjdbc) {
        DatabaseUrl url = parse("postgresql://app@db/auditeng?target_session_attrs=" + libpq);

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/auditeng?targetServerType=" + pgjdbc);
    }

    @Test
    void anUnknownTargetSessionAttrsIsRefusedListingTheAcceptedValues() {
        assertThatThrownBy(() -> parse("postgresql://app@db/auditeng?target_session_attrs=leader"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("any, read-write, read-only, primary, standby or prefer-standby");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app@h1:5432,h2:5432/auditeng", "postgresql://app@h1,h2/auditeng",
            "postgresql://app@db/auditeng?host=h1,h2"})
    void severalHostsAreRefusedInOneLine(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names several hosts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aPgportThatIsNoNumberIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db/auditeng", Map.of("PGPORT", "five")))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("PGPORT is not a number; set it");
    }

    @Test
    void unknownParametersStillPassToTheDriver() {
        DatabaseUrl url = parse("postgresql://app@db/auditeng?currentSchema=tenant&connect_timeout=5");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/auditeng?currentSchema=tenant&connectTimeout=5");
    }

    @Test
    void everyTranslatedParameterIsDeclaredWithItsMeaning() {
        for (UrlParameter parameter : UrlParameter.values()) {
            assertThat(parameter.meaning()).as(parameter.urlName()).isNotBlank();
            assertThat(UrlParameter.named(parameter.urlName())).contains(parameter);
        }
    }

    @Test
    void withNoPasswordPgjdbcReadsItFromThePgpassFile(@TempDir Path home) throws IOException, SQLException {
        DatabaseUrl server = PasswordServer.app();
        Path pgpass = Files.writeString(home.resolve(".pgpass"),
                "localhost:" + server.port() + ":app:app:" + PasswordServer.PASSWORD + "\n");
        DatabaseUrl url = parse("postgresql://app@localhost:" + server.port() + "/app");
        String previous = System.setProperty("org.postgresql.pgpassfile", pgpass.toString());

        try (Connection connection = new DatabaseConnector(url).open()) {
            assertThat(connection.isValid(5)).isTrue();
        } finally {
            if (previous == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", previous);
            }
        }
        assertThat(url.jdbcProperties()).doesNotContainKey("password");
    }

    private static DatabaseUrl parse(String text) {
        return DatabaseUrl.parse(text);
    }
}
