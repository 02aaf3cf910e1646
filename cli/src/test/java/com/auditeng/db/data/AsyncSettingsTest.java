package com.auditeng.db.data;

import com.auditeng.db.ConfigurationException;
import com.auditeng.db.TestDatabase;
import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.model.User;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.auditeng.db.data.HeadDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AsyncSettingsTest {
    private static final String URL = "postgresql://app:secret@db.internal/auditeng";

    @Test
    void poolSizeInTheUrlSetsThePool() {
        assertThat(AsyncSettings.of(DatabaseUrl.parse(URL + "?pool_size=4")).poolSize()).isEqualTo(4);
        assertThat(AsyncSettings.of(DatabaseUrl.parse(URL + "?max_pool_size=7")).poolSize()).isEqualTo(7);
        assertThat(AsyncSettings.of(DatabaseUrl.parse(URL + "?pool_size=5&max_pool_size=5")).poolSize()).isEqualTo(5);
        assertThat(AsyncSettings.of(DatabaseUrl.parse(URL)).poolSize()).isEqualTo(AsyncSettings.DEFAULT_POOL_SIZE);
    }

    @Test
    void aPoolSizeThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> AsyncSettings.of(DatabaseUrl.parse(URL + "?pool_size=ten")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_URL pool_size 'ten' is not a number; write pool_size=10");
    }

    @Test
    void aPoolSizeOutOfRangeIsRefused() {
        assertThatThrownBy(() -> AsyncSettings.of(DatabaseUrl.parse(URL + "?max_pool_size=0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_URL max_pool_size=0 is out of range; use 1-1000 (and stay below the server's "
                        + "max_connections)");
    }

    @Test
    void twoDifferentPoolSizesInTheUrlAreRefused() {
        assertThatThrownBy(() -> AsyncSettings.of(DatabaseUrl.parse(URL + "?pool_size=5&max_pool_size=20")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_URL says pool_size=5 and max_pool_size=20, and the async pool has one size (the "
                        + "most connections it opens); keep one");
    }

    @Test
    void aPoolSizeInTheUrlThatDiffersFromTheCodesIsRefused() {
        DatabaseUrl url = DatabaseUrl.parse(URL + "?pool_size=5");

        assertThatThrownBy(() -> new AsyncSettings(url, 10))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DATABASE_URL says pool_size=5 and the code asks for a pool of 10; keep one: drop the "
                        + "parameter, or use AsyncSettings.of(url)");
        assertThat(new AsyncSettings(url, 5).poolSize()).isEqualTo(5);
    }

    @Test
    void aPoolOfTwoFromTheUrlOpensAtMostTwoConnections() {
        DatabaseUrl plain = TestDatabase.fresh();
        HeadDatabase.upgrade(plain);
        DatabaseUrl url = DatabaseUrl.parse("postgresql://" + plain.user() + "@" + plain.host() + ":" + plain.port()
                + "/" + plain.database() + "?pool_size=2");

        try (AsyncDatabase database = AsyncDatabase.open(url)) {
            UserRepository users = new UserRepository(database);
            List<CompletableFuture<User>> creates = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                creates.add(users.create(new User("user" + i + "@example.com", "hash")).toCompletableFuture());
            }
            await(CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new)));

            long connections = await(database.session(session -> session.createNativeQuery("select count(*) from "
                    + "pg_stat_activity where datname = current_database() and backend_type = 'client backend'",
                    Long.class).getSingleResult()));
            assertThat(database.settings().poolSize()).isEqualTo(2);
            assertThat(connections).isLessThanOrEqualTo(2);
        }
    }
}
