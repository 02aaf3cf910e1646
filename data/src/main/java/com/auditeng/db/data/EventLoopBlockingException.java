package com.auditeng.db.data;

/**
 * A blocking wait ({@code join()}, {@code get()}, {@code open}, {@code close}) on a Vert.x event-loop thread: the reply
 * it waits for is delivered by an event loop, possibly this one, so the wait could never end.
 */
public final class EventLoopBlockingException extends IllegalStateException {
    /** @param call what was called, e.g. {@code "join()"} */
    public EventLoopBlockingException(String call) {
        super(call + " would block the Vert.x event loop " + Thread.currentThread().getName() + ", which must deliver "
                + "the result it waits for; compose instead (thenCompose, thenAccept), or wait on a worker thread");
    }
}
