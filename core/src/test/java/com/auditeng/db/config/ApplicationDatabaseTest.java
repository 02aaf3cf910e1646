package com.auditeng.db.config;

import com.auditeng.db.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

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
    void anEmptyUrlIsRefusedNotTakenForUnset() {
        assertThatThrownBy(() -> ApplicationDatabase.of("", Path.of("unused"), new PrintStream(notes)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DATABASE_URL is empty")
                .hasMessageContaining("unset it to use the embedded database");
    }
}
