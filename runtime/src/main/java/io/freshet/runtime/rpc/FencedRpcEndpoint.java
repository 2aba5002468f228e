package io.freshet.runtime.rpc;

import io.freshet.runtime.concurrent.ComponentMainThreadExecutor;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * An endpoint that serves calls only from callers who know its current <em>fencing token</em>: the token of the
 * leadership term it serves (a JobMaster's or ResourceManager's leader session id). A caller connects with
 * {@link RpcService#connect(String, Serializable, Class)} and every call carries that expected token.
 *
 * <h2>Fencing law</h2>
 * <ul>
 *   <li>The token is {@code null} while the endpoint is not leader, and is changed only on the main thread with
 *       {@link #setFencingToken}. A call is served only if it carries a token equal to the current, non-null
 *       token; otherwise it fails with {@link FencingTokenException} naming the endpoint and both tokens. A call
 *       through an unfenced gateway is rejected the same way.</li>
 *   <li>Calls through {@link #getSelfGateway} are the endpoint's own and bypass fencing.</li>
 *   <li>Tasks given to {@link #getMainThreadExecutor()}, {@link #runAsync}, {@link #scheduleRunAsync} and
 *       {@link #callAsync} belong to the term in which they were submitted: if the token changed before they run,
 *       they are dropped (a dropped {@code callAsync} ends with its timeout). Work that must survive a change of
 *       term uses {@link #getUnfencedMainThreadExecutor()}, {@link #runAsyncWithoutFencing} or
 *       {@link #callAsyncWithoutFencing}.</li>
 * </ul>
 *
 * @param <F> type of the fencing token
 */
public abstract class FencedRpcEndpoint<F extends Serializable> extends RpcEndpoint {

    /** Written on the main thread only; volatile so that self gateways can report it from any thread. */
    private volatile F fencingToken;

    /** Creates a fenced endpoint that starts without a token (not leader). */
    protected FencedRpcEndpoint(RpcService rpcService, String endpointId) {
        super(rpcService, endpointId);
    }

    /** The current fencing token, or {@code null} when not leader. */
    public final F getFencingToken() {
        return fencingToken;
    }

    /** Sets the current fencing token ({@code null}: not leader). Main thread only. */
    protected final void setFencingToken(F newToken) {
        validateRunsInMainThread();
        log.debug("Rpc endpoint {} changes its fencing token from {} to {}.", getEndpointId(), fencingToken, newToken);
        this.fencingToken = newToken;
    }

    /** The main thread without the fencing check on tasks; see the class comment. */
    public final ComponentMainThreadExecutor getUnfencedMainThreadExecutor() {
        return unfencedMainThreadExecutor();
    }

    /** Runs {@code runnable} on the main thread even if the fencing token changes before. */
    protected final void runAsyncWithoutFencing(Runnable runnable) {
        try {
            unfencedMainThreadExecutor().execute(runnable);
        } catch (RejectedExecutionException e) {
            log.debug("Dropped a task for rpc endpoint {}: it has terminated.", getEndpointId());
        }
    }

    /** Like {@link #callAsync}, but runs even if the fencing token changes before. */
    protected final <V> CompletableFuture<V> callAsyncWithoutFencing(Callable<V> callable, Duration timeout) {
        return callAsync((MainThreadExecutor) unfencedMainThreadExecutor(), callable, timeout);
    }

    @Override
    final void checkFencing(RpcInvocation invocation) throws FencingTokenException {
        if (invocation.isUnfencedSelfCall()) {
            return;
        }
        F current = fencingToken;
        if (!invocation.carriesFencingToken()) {
            throw new FencingTokenException("The fenced rpc endpoint " + getAddress() + " rejected the call "
                    + invocation + " without a fencing token (its fencing token is " + current
                    + "). Connect to it with the leader's fencing token.");
        }
        Serializable expected = invocation.getFencingToken();
        if (current == null) {
            throw new FencingTokenException("The fenced rpc endpoint " + getAddress() + " rejected the call "
                    + invocation + ": the caller expected fencing token " + expected
                    + ", but the endpoint has no fencing token (it is not leader).");
        }
        if (!current.equals(expected)) {
            throw new FencingTokenException("The fenced rpc endpoint " + getAddress() + " rejected the call "
                    + invocation + ": the caller expected fencing token " + expected
                    + ", but the endpoint's fencing token is " + current + ".");
        }
    }

    @Override
    final Runnable wrapFencedTask(Runnable task) {
        F submittedUnder = fencingToken;
        return () -> {
            F current = fencingToken;
            if (!Objects.equals(submittedUnder, current)) {
                log.debug("Dropped a task of rpc endpoint {} submitted under fencing token {}; the token is now {}.",
                        getEndpointId(), submittedUnder, current);
                return;
            }
            task.run();
        };
    }

    @Override
    final <V> Callable<V> fencedCallable(Callable<V> callable) {
        F submittedUnder = fencingToken;
        return () -> {
            F current = fencingToken;
            if (!Objects.equals(submittedUnder, current)) {
                throw new FencingTokenException("The task of rpc endpoint " + getAddress()
                        + " was submitted under fencing token " + submittedUnder + ", but the token is now "
                        + current + "; it was dropped.");
            }
            return callable.call();
        };
    }
}
