package com.auditeng.db.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the connector lets through of a driver's message: nothing secret, in any spelling. */
class DatabaseConnectorTest {
    private final DatabaseConnector connector = new DatabaseConnector(new DatabaseUrl("db", 5432, "auditeng", "app",
            "p@ss word/1", Map.of("sslpassword", "key pass", "sslmode", "require")));

    @Test
    void redactMasksThePasswordAsWrittenAndPercentEncoded() {
        String message = "FATAL: login failed with p@ss word/1, p%40ss+word%2F1 or p%40ss%20word%2F1";

        assertThat(connector.redact(message)).isEqualTo("FATAL: login failed with ***, *** or ***");
    }

    @Test
    void redactMasksSecretParameterValuesAndAnyUrlInTheText() {
        String message = "could not read the key with key pass (key+pass); see postgresql://x:other@db/y?sslkey=/k";

        assertThat(connector.redact(message))
                .isEqualTo("could not read the key with *** (***); see postgresql://x:***@db/y?sslkey=***");
    }
}
