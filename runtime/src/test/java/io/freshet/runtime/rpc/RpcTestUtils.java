package io.freshet.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.freshet.runtime.concurrent.FutureUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waiting on futures and threads in RPC tests. */
public final class RpcTestUtils {

    /** Generous: a bound for a hang, not a pacing device. */
    public static final long WAIT_SECONDS = 30;

    private RpcTestUtils() {}

    public static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits for {@code future} to fail and returns the cause, unwrapped. */
    public static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            Object value = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return fail("Expected a failure, but got " + value);
        } catch (ExecutionException e) {
            return FutureUtils.stripCompletionException(e);
        }
    }

    /** Waits until every thread of the RPC system has ended, then asserts that none is left. */
    public static void assertNoRpcThreadsLeft() throws InterruptedException {
        List<Thread> rpcThreads = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(RpcService.THREAD_PREFIX)) {
                rpcThreads.add(thread);
            }
        }
        for (Thread thread : rpcThreads) {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        List<String> alive = new ArrayList<>();
        for (Thread thread : rpcThreads) {
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        assertThat(alive).as("rpc threads still alive after close").isEmpty();
    }
}
