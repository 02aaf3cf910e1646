package com.auditeng.db.data;

import com.auditeng.db.config.DatabaseUrl;
import com.auditeng.db.model.Analysis;
import com.auditeng.db.model.Finding;
import com.auditeng.db.model.Task;
import com.auditeng.db.model.User;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Non-blocking sessions over the entities: Hibernate Reactive on a Vert.x PostgreSQL pool, built from the same
 * {@link DatabaseUrl} as the migrations. Open it once at start and close it at the end, both from a plain thread.
 *
 * <p>It runs on the application's {@link Vertx} when given one, and leaves it open at {@link #close()}. Otherwise it
 * creates a Vert.x of its own, with daemon threads so that it never keeps the JVM alive after {@code main} ends, and
 * closes it at {@link #close()}. The stages it returns refuse {@code join()} and {@code get()} on an event loop
 * ({@link EventLoopBlockingException}), where the wait would deadlock.
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
    private final boolean ownsVertx;
    private final Failures failures;
    private final ContextInternal home;

    private AsyncDatabase(AsyncSettings settings, StandardServiceRegistry registry, Stage.SessionFactory sessions,
                          Vertx vertx, boolean ownsVertx) {
        this.settings = settings;
        this.registry = registry;
        this.sessions = sessions;
        this.vertx = vertx;
        this.home = ((VertxInternal) vertx).createEventLoopContext();
        this.ownsVertx = ownsVertx;
        this.failures = new Failures(settings.url());
    }

    /** Opens a database on a Vert.x of its own, with the pool size the URL gives ({@link AsyncSettings#of}). */
    public static AsyncDatabase open(DatabaseUrl url) {
        return open(AsyncSettings.of(url));
    }

    /** Opens a database on a Vert.x of its own; blocks while Hibernate asks the server its version. */
    public static AsyncDatabase open(AsyncSettings settings) {
        NonBlockingFuture.refuseOnEventLoop("AsyncDatabase.open()");
        // daemon threads: a Vert.x the application never sees must not keep its JVM running after main returns
        Vertx own = Vertx.vertx(new VertxOptions().setUseDaemonThread(true));
        try {
            return open(settings, own, true);
        } catch (RuntimeException e) {
            awaitClose(own);
            throw e;
        }
    }

    /**
     * Opens a database on the application's Vert.x: queries run on its event loops, and {@link #close()} leaves it
     * open. Blocks while Hibernate asks the server its version, so call it from a plain or worker thread.
     */
    public static AsyncDatabase open(AsyncSettings settings, Vertx vertx) {
        NonBlockingFuture.refuseOnEventLoop("AsyncDatabase.open()");
        return open(settings, vertx, false);
    }

    private static AsyncDatabase open(AsyncSettings settings, Vertx vertx, boolean ownsVertx) {
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
        // a given instance is one Hibernate Reactive neither creates nor closes
        VertxInstance instance = () -> vertx;
        StandardServiceRegistry registry = new ReactiveServiceRegistryBuilder()
                .applySettings(properties)
                .addService(VertxInstance.class, instance)
                .build();
        try {
            Stage.SessionFactory sessions = configuration.buildSessionFactory(registry)
                    .unwrap(Stage.SessionFactory.class);
            return new AsyncDatabase(settings, registry, sessions, vertx, ownsVertx);
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            Throwable explained = new Failures(settings.url()).explain(e);
            throw explained instanceof RuntimeException runtime ? runtime : e;
        }
    }

    public AsyncSettings settings() {
        return settings;
    }

    /** The Hibernate Reactive factory, for work outside the repositories and units of work; checks nothing. */
    public Stage.SessionFactory sessions() {
        return sessions;
    }

    /**
     * Runs {@code work} as one unit of work: a transaction of its own session, which every repository call given the
     * {@link UnitOfWork} joins. It commits when the work's stage completes, and rolls back, all of it, when the
     * stage or any step fails; the returned stage then fails with that step's exception (ours for a refused write).
     *
     * <pre>{@code
     * db.transaction(tx -> analyses.store(tx, taskId, analysis)
     *         .thenCompose(stored -> tasks.complete(tx, taskId)))
     * }</pre>
     *
     * Each call gets a fresh session, even from inside another unit of work's callback.
     */
    public <T> CompletionStage<T> transaction(Function<UnitOfWork, CompletionStage<T>> work) {
        return isolated(context -> sessions.withTransaction(session -> {
            session.setDefaultReadOnly(true);
            UnitOfWork unit = new UnitOfWork(session, context);
            return unit.finish(NonBlockingFuture.start(() -> work.apply(unit)));
        }));
    }

    /**
     * Runs read-only {@code work} in a session of its own without a transaction: each query commits on its own, which
     * saves the BEGIN and COMMIT round trips a read does not need. What it loads is read-only.
     */
    public <T> CompletionStage<T> session(Function<Stage.Session, CompletionStage<T>> work) {
        return isolated(context -> sessions.withSession(session -> {
            session.setDefaultReadOnly(true);
            return work.apply(session);
        }));
    }

    /**
     * Closes the sessions and the pool, and the Vert.x the database created (not one the application gave); waits
     * for them, so it must not run on an event loop.
     */
    @Override
    public void close() {
        NonBlockingFuture.refuseOnEventLoop("AsyncDatabase.close()");
        sessions.close();
        StandardServiceRegistryBuilder.destroy(registry);
        if (ownsVertx) {
            awaitClose(vertx);
        }
    }

    private static void awaitClose(Vertx vertx) {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // its threads are daemons: one that does not stop in time cannot hold the JVM
        }
    }

    /*
     * Every session runs on one event loop, the database's home: Hibernate Reactive binds a session to the thread that
     * opened it, and with sessions on several loops sharing one pool, a reply could come back on another loop than
     * its session's (HR000069 under concurrent units of work, reproduced by TaskRepositoryTest). One loop serves many
     * concurrent sessions, as the I/O does not wait on it. The stage completes on the caller's own context when it
     * called from one (a verticle, a Vert.x web handler), so that its continuations run where they started.
     */
    private <T> CompletionStage<T> isolated(Function<ContextInternal, CompletionStage<T>> work) {
        NonBlockingFuture<T> result = new NonBlockingFuture<>();
        ContextInternal caller = (ContextInternal) Vertx.currentContext();
        // a duplicated context shares the event loop but not the context-local data where the session is kept
        ContextInternal context = home.duplicate();
        context.runOnContext(ignored -> NonBlockingFuture.start(() -> work.apply(context))
                .whenComplete((value, failure) -> deliver(caller, () -> {
                    if (failure == null) {
                        result.complete(value);
                    } else {
                        result.completeExceptionally(Refusals.GENERIC.explain(failures.explain(failure)));
                    }
                })));
        return result;
    }

    private static void deliver(ContextInternal caller, Runnable completion) {
        if (caller == null || Vertx.currentContext() == caller) {
            completion.run();
        } else {
            caller.runOnContext(ignored -> completion.run());
        }
    }
}
