package com.auditeng.db.data;

import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.sqlclient.PoolOptions;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.hibernate.reactive.provider.Settings;
import org.hibernate.reactive.provider.service.NoJdbcConnectionProvider;
import org.hibernate.reactive.stage.Stage;
import org.hibernate.reactive.vertx.VertxInstance;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Non-blocking sessions over the entities: Hibernate Reactive on a Vert.x PostgreSQL pool, built from the same
 * {@link DatabaseUrl} as the migrations. Open it once at start and close it at the end, both from a plain thread.
 */
public final class AsyncDatabase implements AutoCloseable {
    /**
     * Statements Hibernate sends in one pipelined round trip when it flushes many rows of one table; past a few
     * hundred the gain flattens while the memory held per flush keeps growing.
     */
    static final int BATCH_SIZE = 500;

    private final AsyncSettings settings;
    private final StandardServiceRegistry registry;
    private final Stage.SessionFactory sessions;
    private final Vertx vertx;
    private final Failures failures;

    private AsyncDatabase(AsyncSettings settings, StandardServiceRegistry registry, Stage.SessionFactory sessions) {
        this.settings = settings;
        this.registry = registry;
        this.sessions = sessions;
        this.vertx = registry.getService(VertxInstance.class).getVertx();
        this.failures = new Failures(settings.url());
    }

    public static AsyncDatabase open(DatabaseUrl url) {
        return open(AsyncSettings.of(url));
    }

    /** Builds the pool and the session factory; blocks while Hibernate asks the server its version. */
    public static AsyncDatabase open(AsyncSettings settings) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("AsyncDatabase.open() waits for the server's answer and would block this "
                    + "event loop; open it at start from a plain thread, or from a worker");
        }
        PoolOptions poolOptions = new PoolOptions().setMaxSize(settings.poolSize()).setName("auditeng");
        Map<String, Object> properties = new HashMap<>();
        properties.put(Settings.SQL_CLIENT_POOL, new PgClientPool(PgOptions.of(settings.url()), poolOptions));
        // no JDBC connections on this side; saying so spares Hibernate a search for a JDBC URL and its warning
        properties.put(Settings.CONNECTION_PROVIDER, NoJdbcConnectionProvider.INSTANCE);
        properties.put(Settings.STATEMENT_BATCH_SIZE, BATCH_SIZE);
        // groups the inserts of one flush by table, so an analysis' findings go out as one batch
        properties.put(Settings.ORDER_INSERTS, true);
        Configuration configuration = new Configuration()
                .addAnnotatedClass(User.class)
                .addAnnotatedClass(Task.class)
                .addAnnotatedClass(Analysis.class)
                .addAnnotatedClass(Finding.class);
        StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
                .applySettings(properties)
                .build();
        try {
            Stage.SessionFactory sessions = configuration.buildSessionFactory(registry)
                    .unwrap(Stage.SessionFactory.class);
            return new AsyncDatabase(settings, registry, sessions);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            Throwable explained = new Failures(settings.url()).explain(e);
            throw explained instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public AsyncSettings settings() {
        return settings;
    }

    /** The Hibernate Reactive factory, for queries the repositories do not offer. */
    public Stage.SessionFactory sessions() {
        return sessions;
    }

    /**
     * Runs {@code work} in a transaction of its own session, committed when its stage completes and rolled back when
     * it fails. Each call gets a fresh session even when called from inside another one's callback: Hibernate
     * Reactive would otherwise hand it the session already stored on the current Vert.x context, and a session must
     * never be used by two operations at once.
     */
    public <T> CompletionStage<T> transaction(Function<Stage.Session, CompletionStage<T>> work) {
        return isolated(() -> sessions.withTransaction(work));
    }

    /**
     * Runs read-only {@code work} in a session of its own without a transaction: each query commits on its own, which
     * saves the BEGIN and COMMIT round trips a read does not need.
     */
    public <T> CompletionStage<T> session(Function<Stage.Session, CompletionStage<T>> work) {
        return isolated(() -> sessions.withSession(work));
    }

    /** Closes the sessions, the pool and its event loops; waits for them, so it must not run on an event loop. */
    @Override
    public void close() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("AsyncDatabase.close() waits for the pool to close and would block this "
                    + "event loop; call it from the thread that opened the database, or from a worker");
        }
        sessions.close();
        StandardServiceRegistryBuilder.destroy(registry);
    }

    private <T> CompletionStage<T> isolated(Supplier<CompletionStage<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        // a duplicated context shares the event loop but not the context-local data where the session is kept;
        // Hibernate Reactive's own VertxContext duplicates the same way when called off any context
        ContextInternal context = ((ContextInternal) vertx.getOrCreateContext()).duplicate();
        context.runOnContext(ignored -> {
            CompletionStage<T> stage;
            try {
                stage = work.get();
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failures.explain(failure));
                }
            });
        });
        return result;
    }
}
