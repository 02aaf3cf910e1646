package com.auditeng.db.data;

import io.vertx.core.impl.ContextInternal;
import org.hibernate.reactive.stage.Stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One open transaction, handed to the work of {@link AsyncDatabase#transaction}: every repository call given it runs
 * in that transaction, committed when the work's stage completes and rolled back when any step fails.
 *
 * <p>Its steps run one after another, as a session is not safe for two operations at once: a step started while
 * another runs fails at once (compose with {@code thenCompose}, not {@code allOf}). A step may be started from any
 * thread; it runs on the event loop the transaction belongs to. Entities read in it are read-only: change rows through
 * the repositories, whose updates check what they write, not through setters.
 */
public final class UnitOfWork {
    private final Stage.Session session;
    private final ContextInternal context;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean ended;
    private volatile Throwable failedStep;

    UnitOfWork(Stage.Session session, ContextInternal context) {
        this.session = session;
        this.context = context;
    }

    /**
     * Runs Hibernate Reactive work of the application's own in this transaction, as one step. Entities it loads are
     * read-only; a refused write fails with our exception, and rolls the unit of work back.
     */
    public <T> CompletionStage<T> run(Function<Stage.Session, CompletionStage<T>> work) {
        return step(Refusals.GENERIC, false, work);
    }

    /**
     * A write, flushed before the step completes: a refused row fails this step, with the meaning the repository
     * gives its constraint, rather than the commit at the end.
     */
    <T> CompletionStage<T> write(Refusals refusals, Function<Stage.Session, CompletionStage<T>> work) {
        return step(refusals, true, work);
    }

    private <T> CompletionStage<T> step(Refusals refusals, boolean flush,
                                        Function<Stage.Session, CompletionStage<T>> work) {
        NonBlockingFuture<T> result = new NonBlockingFuture<>();
        if (ended) {
            result.completeExceptionally(new IllegalStateException("this unit of work has ended, committed or rolled "
                    + "back; make the call inside the work given to db.transaction(...), or start a new one"));
            return result;
        }
        if (failedStep != null) {
            result.completeExceptionally(new RolledBackException(failedStep));
            return result;
        }
        if (!busy.compareAndSet(false, true)) {
            result.completeExceptionally(new IllegalStateException("a step of this unit of work is still running, and "
                    + "one transaction runs one statement at a time; start the next step when the last completes "
                    + "(thenCompose), or use a unit of work per parallel branch"));
            return result;
        }
        onContext(() -> {
            CompletionStage<T> stage = NonBlockingFuture.start(() -> work.apply(session));
            if (flush) {
                // the work's stage may complete on the event loop of the connection's I/O, which is not always the
                // session's: Hibernate Reactive refuses a session used off the thread that opened it
                stage = stage.thenCompose(value -> onContextStage(() -> session.flush().thenApply(ignored -> value)));
            }
            stage.whenComplete((value, failure) -> {
                busy.set(false);
                if (failure == null) {
                    result.complete(value);
                } else {
                    Throwable ours = refusals.explain(failure);
                    failedStep = ours;
                    result.completeExceptionally(ours);
                }
            });
        });
        return result;
    }

    /**
     * The work's outcome, on this transaction's event loop (where Hibernate Reactive must commit it), failed when a
     * step failed even if the work recovered: the server has aborted the transaction and would turn COMMIT into a
     * ROLLBACK without an error, so a success here would report rows that were never stored.
     */
    <T> CompletionStage<T> finish(CompletionStage<T> outcome) {
        CompletableFuture<T> finished = new CompletableFuture<>();
        outcome.whenComplete((value, failure) -> onContext(() -> {
            if (failure != null) {
                finished.completeExceptionally(Failures.unwrap(failure));
            } else if (failedStep != null) {
                finished.completeExceptionally(new RolledBackException(failedStep));
            } else {
                finished.complete(value);
            }
        }));
        return finished.whenComplete((value, failure) -> ended = true);
    }

    // the stage the action returns, the action run on this transaction's event loop
    private <T> CompletionStage<T> onContextStage(Supplier<CompletionStage<T>> action) {
        CompletableFuture<CompletionStage<T>> started = new CompletableFuture<>();
        onContext(() -> started.complete(NonBlockingFuture.start(action)));
        return started.thenCompose(stage -> stage);
    }

    private void onContext(Runnable action) {
        if (context.nettyEventLoop().inEventLoop()) {
            action.run();
        } else {
            context.runOnContext(ignored -> action.run());
        }
    }
}
