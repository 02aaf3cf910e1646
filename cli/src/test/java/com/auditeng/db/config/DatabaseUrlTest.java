package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {
    private static final DatabaseUrl EXPECTED =
            new DatabaseUrl("db.internal", 6543, "auditeng", "app", "p@ss:w/rd", Map.of("sslmode", "require"));

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://app:p%40ss%3Aw%2Frd@db.internal:6543/auditeng?sslmode=require",
            "postgres://app:p%40ss%3Aw%2Frd@db.internal:6543/auditeng?sslmode=require",
            "postgresql+asyncpg://app:p%40ss%3Aw%2Frd@db.internal:6543/auditeng?ssl=require",
            "postgresql+psycopg://app:p%40ss%3Aw%2Frd@db.internal:6543/auditeng?sslmode=require",
            "jdbc:postgresql://db.internal:6543/auditeng?user=app&password=p%40ss%3Aw%2Frd&sslmode=require",
            "  postgresql://app:p%40ss%3Aw%2Frd@db.internal:6543/auditeng?sslmode=require  "})
    void everyFormParsesToTheSameSettings(String text) {
        assertThat(DatabaseUrl.parse(text)).usingRecursiveComparison().isEqualTo(EXPECTED);
    }

    @Test
    void theDefaultPortIs5432AndIpv6HostsKeepTheirBrackets() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@[::1]/auditeng");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.password()).isNull();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/auditeng");
    }

    @Test
    void theJdbcUrlCarriesParametersButNeverCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s3cret@db:5432/auditeng?sslmode=verify-full&connect_timeout=5");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/auditeng?sslmode=verify-full&connectTimeout=5");
        assertThat(url.jdbcProperties()).containsEntry("user", "app").containsEntry("password", "s3cret");
    }

    @Test
    void redactedAndToStringMaskThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s3cret@db/auditeng");

        assertThat(url.redacted()).isEqualTo("postgresql://app:***@db:5432/auditeng");
        assertThat(url.toString()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://app:s3cret@db/auditeng", "db.internal:5432/auditeng", "postgresql://app:s3cret@db:port/x",
"postgresql://app:s3cret@db:99999/auditeng", "postgresql://app:s3cret%zz@db/a",
            "", "postgresql://app:s3cret@[::1/auditeng"})
    void aMalformedUrlIsAClearErrorThatNeverEchoesThePassword(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMissingHostIsLocalhostLikeLibpq() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql:///auditeng");

        assertThat(url.host()).isEqualTo("localhost");
        assertThat(url.user()).isEqualTo("postgres");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242/Secr3tTail", "pa?ss", "p@ss/w?rd#x:y", "/leading", "tr@iling?"})
    void aPasswordWithRawSlashQuestionMarkOrAtParsesWhenTheUrlReadsOneWayOnly(String password) {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:" + password + "@db.internal:6543/auditeng?sslmode=require");

        assertThat(url).usingRecursiveComparison().isEqualTo(
                new DatabaseUrl("db.internal", 6543, "auditeng", "app", password, Map.of("sslmode", "require")));
        assertThat(url.redacted()).isEqualTo("postgresql://app:***@db.internal:6543/auditeng?sslmode=require");
    }

    @Test
    void theExampleThatUsedToEchoItsPasswordParsesAndShowsNoneOfIt() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:4242/Secr3tTail@db.internal/auditeng");

        assertThat(url.redacted()).isEqualTo("postgresql://app:***@db.internal:5432/auditeng");
        assertThat(url.password()).isEqualTo("4242/Secr3tTail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app:4242?name=Secr3tTail@db/auditeng",
            "postgresql://app:Secr3t/Tail@db/auditeng?user=bob@corp",
            "postgresql://app:Secr3t/Tail@db:port/auditeng",
            "postgresql://app:Secr3t@Tail/x@db/auditeng?sslrootcert=/a@b.crt"})
    void aUrlThatReadsTwoWaysIsRefusedNamingTheEncodingWithoutEchoingIt(String text) {
        assertThatThrownBy(() -> DatabaseUrl.parse(text))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("percent-encode '/' as %2F, '?' as %3F, '@' as %40 in the password")
                .hasMessageNotContaining("Secr3t").hasMessageNotContaining("Tail")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anAtInAKnownQueryValueOrADatabaseNameWithoutPasswordStillParses() {
        assertThat(DatabaseUrl.parse("postgresql://app:pw@db/auditeng?user=bob@corp&sslmode=require").user())
                .isEqualTo("bob@corp");
        assertThat(DatabaseUrl.parse("postgresql://db.internal/my@db").database()).isEqualTo("my@db");
    }

    @Test
    void redactedMasksEveryParameterNamedLikeAPasswordAndTheClientKey() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@db/auditeng?sslmode=verify-full&sslpassword=topsecret"
                + "&sslkey=/keys/client.pk8&PGPassword=alsosecret");

        assertThat(url.redacted()).isEqualTo("postgresql://app@db:5432/auditeng?sslmode=verify-full&sslpassword=***"
                + "&sslkey=***&PGPassword=***");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/auditeng?sslmode=verify-full");
        assertThat(url.jdbcProperties()).containsEntry("sslpassword", "topsecret")
                .containsEntry("sslkey", "/keys/client.pk8").containsEntry("PGPassword", "alsosecret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://app:4242/Secr3tTail@db.internal/auditeng?sslpassword=Secr3tTail",
            "mysql://app:Secr3tTail@db/x?password=Secr3tTail", "app:Secr3tTail@db", "postgresql://app:Secr3t?Tail@[::1",
            "jdbc:postgresql://db/x?user=app&password=Secr3tTail&sslmode=require"})
    void redactMasksTheSecretsOfAnyTextWithoutParsingIt(String text) {
        assertThat(DatabaseUrl.redact(text)).doesNotContain("Secr3t").doesNotContain("Tail").contains("***");
    }

    @Test
    void redactKeepsWhatIsNotSecret() {
        assertThat(DatabaseUrl.redact("postgresql://app:4242/Secr3tTail@db.internal/auditeng?sslmode=require"
                + "&sslpassword=topsecret&application_name=ci"))
                .isEqualTo("postgresql://app:***@db.internal/auditeng?sslmode=require&sslpassword=***"
                        + "&application_name=ci");
    }
}
