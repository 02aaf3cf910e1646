package com.auditeng.db.data;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.config.DatabaseUrl;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgOptionsTest {
    @Test
    void theAddressAndCredentialsComeFromTheParsedUrl() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+asyncpg://app:p%40ss@db.internal:6432/auditeng"
                + "?application_name=worker&connect_timeout=7");

        PgConnectOptions options = PgOptions.of(url);

        assertThat(options.getHost()).isEqualTo("db.internal");
        assertThat(options.getPort()).isEqualTo(6432);
        assertThat(options.getDatabase()).isEqualTo("auditeng");
        assertThat(options.getUser()).isEqualTo("app");
        assertThat(options.getPassword()).isEqualTo("p@ss");
        assertThat(options.getProperties()).containsEntry("application_name", "worker");
        assertThat(options.getConnectTimeout()).isEqualTo(7000);
    }

    @Test
    void withoutSslmodeEncryptionIsPreferredAsByLibpqAndPgjdbc() {
        PgConnectOptions options = PgOptions.of(DatabaseUrl.parse("postgresql://app@db/auditeng"));

        assertThat(options.getSslMode()).isEqualTo(SslMode.PREFER);
        assertThat(options.isTrustAll()).isTrue();
    }

    @Test
    void sslmodeRequireEncryptsWithoutCheckingTheCertificate() {
        PgConnectOptions options = PgOptions.of(DatabaseUrl.parse("postgresql://app@db/auditeng?sslmode=require"));

        assertThat(options.getSslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(options.isTrustAll()).isTrue();
    }

    @Test
    void theAsyncpgSpellingSslRequireMeansSslmodeRequire() {
        PgConnectOptions options = PgOptions.of(DatabaseUrl.parse("postgresql+asyncpg://app@db/auditeng?ssl=require"));

        assertThat(options.getSslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void sslmodeDisableNeverEncrypts() {
        PgConnectOptions options = PgOptions.of(DatabaseUrl.parse("postgresql://app@db/auditeng?sslmode=disable"));

        assertThat(options.getSslMode()).isEqualTo(SslMode.DISABLE);
    }

    @Test
    void verifyFullChecksTheCertificateAgainstSslrootcertAndTheHostName(@TempDir Path folder) throws IOException {
        Path certificate = Files.writeString(folder.resolve("root.crt"), "-----BEGIN CERTIFICATE-----\n");

        PgConnectOptions options = PgOptions.of(DatabaseUrl.parse("postgresql://app@db/auditeng?sslmode=verify-full"
                + "&sslrootcert=" + certificate));

        assertThat(options.getSslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(options.isTrustAll()).isFalse();
        assertThat(((PemTrustOptions) options.getTrustOptions()).getCertPaths())
                .containsExactly(certificate.toString());
        assertThat(options.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
    }

    @Test
    void verifyCaWithoutAReadableCertificateIsRefusedNamingSslrootcert() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@db/auditeng?sslmode=verify-ca&sslrootcert=/no/such.crt");

        assertThatThrownBy(() -> PgOptions.of(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("sslmode=verify-ca needs the server's CA certificate, and /no/such.crt is not readable; "
                        + "add sslrootcert=PATH to DATABASE_URL");
    }

    @Test
    void anUnknownSslmodeIsRefusedNamingTheKnownOnes() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@db/auditeng?sslmode=always");

        assertThatThrownBy(() -> PgOptions.of(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_URL sslmode 'always' is not known; use disable, allow, prefer, require, "
                        + "verify-ca or verify-full");
    }

    @Test
    void aConnectTimeoutThatIsNotANumberIsRefused() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@db/auditeng?connect_timeout=soon");

        assertThatThrownBy(() -> PgOptions.of(url))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connect_timeout 'soon' is not a number of seconds");
    }

    @Test
    void aPoolSizeOutOfRangeIsRefusedNamingTheRange() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app@db/auditeng");

        assertThatThrownBy(() -> new AsyncSettings(url, 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("async pool size 0 is out of range; use 1-1000");
    }
}
