package com.auditeng.db.data;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.reactive.pool.impl.DefaultSqlClientPool;
import org.hibernate.reactive.vertx.VertxInstance;
import org.hibernate.service.spi.ServiceRegistryImplementor;

import java.net.URI;
import java.util.Map;

/**
 * The Vert.x pool under Hibernate Reactive, built from our connect options. The default pool reads
 * {@code hibernate.connection.url} and parses it again, which would give the async side a second URL parser.
 */
final class PgClientPool extends DefaultSqlClientPool {
    private final PgConnectOptions connectOptions;
    private final PoolOptions poolOptions;
    private ServiceRegistryImplementor registry;
    private volatile SqlExceptionHelper quietHelper;

    PgClientPool(PgConnectOptions connectOptions, PoolOptions poolOptions) {
        this.connectOptions = connectOptions;
        this.poolOptions = poolOptions;
    }

    @Override
    public void injectServices(ServiceRegistryImplementor serviceRegistry) {
        super.injectServices(serviceRegistry);
        this.registry = serviceRegistry;
    }

    @Override
    public void configure(Map<String, Object> configuration) {
        // nothing to read: the options were built from the DatabaseUrl
    }

    @Override
    public SqlExceptionHelper getSqlExceptionHelper() {
        if (quietHelper == null) {
            quietHelper = new QuietSqlExceptionHelper(super.getSqlExceptionHelper());
        }
        return quietHelper;
    }

    @Override
    protected Pool createPool(URI unused) {
        Vertx vertx = registry.getService(VertxInstance.class).getVertx();
        return PgBuilder.pool().with(poolOptions).connectingTo(connectOptions).using(vertx).build();
    }
}
