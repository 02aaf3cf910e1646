package com.auditeng.db.data;

import io.vertx.core.Context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The stages the data layer returns: a {@link CompletableFuture} whose blocking waits fail fast on a Vert.x event loop.
 * Such a wait would hold the thread that must run the query's reply, and hang without a word; the check costs a
 * thread-local read. Stages derived from one ({@code thenApply}, {@code thenCompose}…) are of this kind too.
 */
final class NonBlockingFuture<T> extends CompletableFuture<T> {
    static <T> NonBlockingFuture<T> completed(T value) {
        NonBlockingFuture<T> future = new NonBlockingFuture<>();
        future.complete(value);
        return future;
    }

    static <T> NonBlockingFuture<T> failed(Throwable failure) {
        NonBlockingFuture<T> future = new NonBlockingFuture<>();
        future.completeExceptionally(failure);
        return future;
    }

    /** The stage {@code work} returns; a failed one when it throws instead. */
    static <T> CompletionStage<T> start(Supplier<CompletionStage<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new NonBlockingFuture<>();
    }

    @Override
    public T join() {
        refuseOnEventLoop("join()");
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseOnEventLoop("get()");
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseOnEventLoop("get(timeout)");
        return super.get(timeout, unit);
    }

    // refused even when the stage has completed: a wait that happens to work in a test would hang in production
    static void refuseOnEventLoop(String call) {
        if (Context.isOnEventLoopThread()) {
            throw new EventLoopBlockingException(call);
        }
    }
}
