package io.freshet.runtime.concurrent;

/**
 * The executor of a component's main thread (see {@code io.freshet.runtime.rpc.RpcEndpoint}): every task runs on
 * that one thread, one at a time, in submission order per submitting thread.
 */
public interface ComponentMainThreadExecutor extends ScheduledExecutor {

    /**
     * Fails with an {@link IllegalStateException} naming both threads if the caller is not the main thread.
     * Components call this where they touch state that only the main thread may touch.
     */
    void assertRunningInMainThread();
}
