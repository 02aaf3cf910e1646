package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// the core module alone: no embedded PostgreSQL on this class path, as in an application's production build
class ApplicationDatabaseTest {
    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();

    @Test
    void aGivenUrlIsUsedAsItIs() {
        try (ApplicationDatabase database = ApplicationDatabase.of("postgres://app:s3cret@db.internal/audits",
                Path.of("unused"), new PrintStream(notes))) {
            assertThat(database.url().host()).isEqualTo("db.internal");
            assertThat(database.isEmbedded()).isFalse();
            assertThat(database.toString()).doesNotContain("s3cret");
        }
        assertThat(notes.toString()).isEmpty();
    }

    @Test
    void noUrlWithoutTheEmbeddedModuleNamesBothFixes() {
        assertThatThrownBy(() -> ApplicationDatabase.of(null, Path.of("unused"), new PrintStream(notes)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_URL is not set and no embedded PostgreSQL is on the class path; set "
                        + "DATABASE_URL, or add the dependency com.auditeng:auditeng-db-embedded for development");
    }

    @Test
    void aBlankVariableCountsAsUnsetAsOnTheCommandLine() {
        assertThatThrownBy(() -> ApplicationDatabase.fromEnvironment(Map.of("DATABASE_URL", " "),
                new PrintStream(notes)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("DATABASE_URL is not set and no embedded PostgreSQL is on the class path");
    }

    @Test
    void libpqVariablesFillWhatTheVariableLeavesOut() {
        try (ApplicationDatabase database = ApplicationDatabase.fromEnvironment(Map.of(
                "DATABASE_URL", "postgres://app@db.internal/audits", "PGPASSWORD", "s3cret", "PGPORT", "6432",
                "AUDITENG_HOME", ""), new PrintStream(notes))) {
            assertThat(database.url().port()).isEqualTo(6432);
            assertThat(database.url().jdbcProperties()).containsEntry("password", "s3cret");
        }
    }

    @Test
    void anEmptyUrlIsRefusedNotTakenForUnset() {
        assertThatThrownBy(() -> ApplicationDatabase.of("", Path.of("unused"), new PrintStream(notes)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DATABASE_URL is empty")
                .hasMessageContaining("unset it to use the embedded database");
    }
}
