package io.freshet.runtime.rpc;

import io.freshet.runtime.concurrent.ComponentMainThreadExecutor;
import io.freshet.runtime.concurrent.FutureUtils;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component that other components call through an {@link RpcGateway}: the base class of the Dispatcher, the
 * ResourceManager, the JobMaster and the TaskExecutor.
 *
 * <h2>The main-thread law</h2>
 * Every endpoint owns exactly one main thread, named {@code freshet-rpc-main-<endpoint id>}. RPC calls (the gateway
 * methods the endpoint implements), {@link #runAsync}, {@link #callAsync}, {@link #scheduleRunAsync}, tasks given to
 * {@link #getMainThreadExecutor()}, and the lifecycle hooks {@link #onStart()} and {@link #onStop()} all run on that
 * thread, <em>one at a time</em>, each to completion before the next starts. Tasks that do not wait run in
 * submission order per submitting thread; RPC calls from one caller (one proxy user thread, over one connection)
 * run in the order they were made. So state touched only from the main thread needs no locks, and an endpoint never
 * blocks its main thread: slow work goes to another executor and comes back through {@code runAsync}.
 * {@link #validateRunsInMainThread()} guards methods that must only run there.
 *
 * <h2>Lifecycle</h2>
 * Constructing an endpoint registers it with its {@link RpcService} under {@code <service address>/<endpoint id>}.
 * {@link #start()} runs {@link #onStart()}; calls that arrive before are rejected. {@link #closeAsync()} stops
 * accepting calls (later ones fail with {@link RpcConnectionException}), runs {@link #onStop()} and, once its future
 * completes, drops pending scheduled tasks, unregisters, lets the main thread end and completes the
 * {@linkplain #getTerminationFuture() termination future} (exceptionally if {@code onStart} or {@code onStop}
 * failed).
 */
public abstract class RpcEndpoint implements AutoCloseable {

    private static final String THREAD_PREFIX = "freshet-rpc-main-";

    private enum State {
        CREATED,
        RUNNING,
        STOPPING,
        TERMINATED
    }

    protected final Logger log = LoggerFactory.getLogger(getClass());

    private final RpcService rpcService;
    private final String endpointId;
    private final String address;
    private final Map<String, Method> rpcMethods;
    private final ScheduledThreadPoolExecutor mainThreadPool;
    private final MainThreadExecutor mainThreadExecutor;
    private final MainThreadExecutor unfencedMainThreadExecutor;
    private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();
    private final AtomicBoolean closeRequested = new AtomicBoolean();

    private volatile Thread mainThread;
    /** Written and read on the main thread only, except the volatile read in {@link #isRunning()}. */
    private volatile State state = State.CREATED;
    /** Set on the main thread before it ends. */
    private Throwable terminationCause;

    /** Creates the endpoint and registers it with {@code rpcService} under {@code endpointId}. */
    protected RpcEndpoint(RpcService rpcService, String endpointId) {
        this.rpcService = Objects.requireNonNull(rpcService, "rpcService");
        this.endpointId = Objects.requireNonNull(endpointId, "endpointId");
        if (endpointId.isEmpty() || endpointId.contains("/")) {
            throw new IllegalArgumentException("An endpoint id must be non-empty and contain no '/': " + endpointId);
        }
        this.address = rpcService.getAddress() + "/" + endpointId;
        this.rpcMethods = collectRpcMethods(getClass());
        this.mainThreadPool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(() -> runMainThread(runnable), THREAD_PREFIX + endpointId);
            thread.setDaemon(true);
            mainThread = thread;
            return thread;
        });
        mainThreadPool.setRemoveOnCancelPolicy(true);
        mainThreadPool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        mainThreadPool.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.unfencedMainThreadExecutor = new MainThreadExecutor(false);
        this.mainThreadExecutor = new MainThreadExecutor(true);
        rpcService.registerEndpoint(this);
    }

    // ---- lifecycle ----

    /** Starts the endpoint: {@link #onStart()} runs on the main thread, then calls are served. */
    public final void start() {
        executeOnMainThread(() -> {
            if (state != State.CREATED) {
                return;
            }
            state = State.RUNNING;
            log.debug("Starting rpc endpoint {} at {}.", endpointId, address);
            try {
                onStart();
            } catch (Throwable t) {
                log.error("Rpc endpoint {} failed to start; stopping it.", endpointId, t);
                terminationCause = t;
                closeAsync();
            }
        });
    }

    /** Hook run on the main thread when the endpoint starts. A thrown exception stops the endpoint. */
    protected void onStart() throws Exception {}

    /**
     * Hook run on the main thread when the endpoint stops; the endpoint terminates when the returned future
     * completes. Tasks given to the main thread meanwhile still run, so asynchronous cleanup may come back there.
     */
    protected CompletableFuture<Void> onStop() {
        return CompletableFuture.completedFuture(null);
    }

    /** Stops the endpoint (see the class comment) and returns its termination future. Idempotent. */
    public final CompletableFuture<Void> closeAsync() {
        if (closeRequested.compareAndSet(false, true)) {
            try {
                executeOnMainThread(this::stopOnMainThread);
            } catch (RejectedExecutionException e) {
                terminationFuture.complete(null);
            }
        }
        return terminationFuture;
    }

    /**
     * Stops the endpoint and waits for its termination. From the main thread itself it only triggers the stop,
     * since waiting there would wait forever.
     */
    @Override
    public final void close() throws Exception {
        CompletableFuture<Void> termination = closeAsync();
        if (Thread.currentThread() == mainThread) {
            return;
        }
        try {
            termination.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw e;
        }
    }

    private void stopOnMainThread() {
        boolean wasStarted = state == State.RUNNING;
        state = State.STOPPING;
        CompletableFuture<Void> stopped;
        if (!wasStarted) {
            stopped = CompletableFuture.completedFuture(null);
        } else {
            try {
                stopped = Objects.requireNonNull(onStop(), "onStop() returned null");
            } catch (Throwable t) {
                stopped = FutureUtils.completedExceptionally(t);
            }
        }
        stopped.whenComplete((ignored, error) -> executeOnMainThread(() -> terminateOnMainThread(error)));
    }

    private void terminateOnMainThread(Throwable stopError) {
        if (stopError != null) {
            log.warn("Rpc endpoint {} failed to stop cleanly.", endpointId, stopError);
            if (terminationCause == null) {
                terminationCause = FutureUtils.stripCompletionException(stopError);
            } else {
                terminationCause.addSuppressed(stopError);
            }
        }
        state = State.TERMINATED;
        rpcService.unregisterEndpoint(this);
        // Already queued tasks still run (RPCs among them are rejected); delayed ones are dropped. The termination
        // future completes when the main thread ends, see runMainThread.
        mainThreadPool.shutdown();
        log.debug("Rpc endpoint {} at {} terminated.", endpointId, address);
    }

    private void runMainThread(Runnable worker) {
        try {
            worker.run();
        } finally {
            if (terminationCause == null) {
                terminationFuture.complete(null);
            } else {
                terminationFuture.completeExceptionally(terminationCause);
            }
        }
    }

    /** Completes when the endpoint has stopped and its main thread has ended its work. */
    public final CompletableFuture<Void> getTerminationFuture() {
        return terminationFuture;
    }

    /** Whether the endpoint was started and is not stopping; a snapshot from any thread. */
    protected final boolean isRunning() {
        return state == State.RUNNING;
    }

    // ---- identity ----

    public final String getEndpointId() {
        return endpointId;
    }

    /** {@code <service address>/<endpoint id>}, the address others {@linkplain RpcService#connect connect} to. */
    public final String getAddress() {
        return address;
    }

    /** Host name of the service this endpoint runs in. */
    public final String getHostname() {
        return rpcService.getHostname();
    }

    public final RpcService getRpcService() {
        return rpcService;
    }

    /**
     * A gateway to this very endpoint, through the local path of its service. Calls through it bypass fencing:
     * they are the endpoint's own.
     */
    public final <C extends RpcGateway> C getSelfGateway(Class<C> gatewayClass) {
        if (!gatewayClass.isInstance(this)) {
            throw new IllegalArgumentException(
                    getClass().getName() + " does not implement the gateway " + gatewayClass.getName());
        }
        return rpcService.createSelfGateway(this, gatewayClass);
    }

    // ---- the main thread ----

    /**
     * Runs {@code runnable} on the main thread. Dropped with a debug log line if the endpoint has terminated.
     */
    protected final void runAsync(Runnable runnable) {
        try {
            mainThreadExecutor.execute(runnable);
        } catch (RejectedExecutionException e) {
            log.debug("Dropped a task for rpc endpoint {}: it has terminated.", endpointId);
        }
    }

    /** Runs {@code runnable} on the main thread after {@code delay}, unless the endpoint stopped by then. */
    protected final void scheduleRunAsync(Runnable runnable, Duration delay) {
        try {
            mainThreadExecutor.schedule(runnable, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Dropped a scheduled task for rpc endpoint {}: it has terminated.", endpointId);
        }
    }

    /**
     * Runs {@code callable} on the main thread; the future holds its result or exception, or fails with a
     * {@link TimeoutException} after {@code timeout}.
     */
    protected final <V> CompletableFuture<V> callAsync(Callable<V> callable, Duration timeout) {
        return callAsync(mainThreadExecutor, callable, timeout);
    }

    final <V> CompletableFuture<V> callAsync(MainThreadExecutor executor, Callable<V> callable, Duration timeout) {
        CompletableFuture<V> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(callable.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RpcConnectionException(
                    "The rpc endpoint " + address + " has terminated; the call was not run.", e));
            return result;
        }
        return FutureUtils.orTimeout(result, timeout, rpcService.getScheduledExecutor(),
                "callAsync on rpc endpoint " + address + " did not complete within " + timeout.toMillis() + " ms.");
    }

    /** The executor of the main thread; see the class comment for its ordering law. */
    public ComponentMainThreadExecutor getMainThreadExecutor() {
        return mainThreadExecutor;
    }

    /** The main-thread executor without fencing checks; the same as {@link #getMainThreadExecutor()} here. */
    ComponentMainThreadExecutor unfencedMainThreadExecutor() {
        return unfencedMainThreadExecutor;
    }

    /**
     * Fails with an {@link IllegalStateException} unless called on the main thread. Always on, not only with
     * {@code -ea}: the check is one reference comparison.
     */
    public final void validateRunsInMainThread() {
        Thread current = Thread.currentThread();
        if (current != mainThread) {
            throw new IllegalStateException("This must run in the main thread of rpc endpoint " + endpointId
                    + " (" + THREAD_PREFIX + endpointId + "), but runs in thread '" + current.getName() + "'.");
        }
    }

    /**
     * Wraps a task given to the fenced main-thread executor; the base class runs tasks as they are, a
     * {@link FencedRpcEndpoint} drops those submitted under another fencing token.
     */
    Runnable wrapFencedTask(Runnable task) {
        return task;
    }

    private void executeOnMainThread(Runnable task) {
        mainThreadPool.execute(guarded(task));
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (Throwable t) {
                log.error("Uncaught error in the main thread of rpc endpoint {}.", endpointId, t);
            }
        };
    }

    // ---- serving RPCs ----

    /**
     * Runs {@code invocation} on the main thread; called by the services. The future holds the method's result or
     * exception.
     */
    final CompletableFuture<Object> invokeRpc(RpcInvocation invocation) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        try {
            executeOnMainThread(() -> handleRpc(invocation, result));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(notServing(invocation, "has terminated"));
        }
        return result;
    }

    private void handleRpc(RpcInvocation invocation, CompletableFuture<Object> result) {
        if (state != State.RUNNING) {
            result.completeExceptionally(notServing(
                    invocation, state == State.CREATED ? "has not been started yet" : "is shutting down"));
            return;
        }
        Method method = rpcMethods.get(invocation.getSignature());
        if (method == null) {
            result.completeExceptionally(new RpcException("The rpc endpoint " + address + " ("
                    + getClass().getSimpleName() + ") has no RPC method " + invocation.getSignature()
                    + "; caller and endpoint may run different versions."));
            return;
        }
        try {
            checkFencing(invocation);
        } catch (FencingTokenException e) {
            log.debug("Rejected {}: {}", invocation, e.getMessage());
            result.completeExceptionally(e);
            return;
        }
        log.debug("Rpc endpoint {} runs {}.", endpointId, invocation);
        Object returned;
        try {
            returned = method.invoke(this, invocation.getArguments());
        } catch (InvocationTargetException e) {
            result.completeExceptionally(e.getCause());
            return;
        } catch (Throwable t) {
            result.completeExceptionally(new RpcException("Could not invoke " + invocation + " on " + address, t));
            return;
        }
        if (returned instanceof CompletableFuture) {
            ((CompletableFuture<?>) returned).whenComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(FutureUtils.stripCompletionException(error));
                } else {
                    result.complete(value);
                }
            });
        } else {
            result.complete(returned);
        }
    }

    private RpcConnectionException notServing(RpcInvocation invocation, String why) {
        return new RpcConnectionException(
                "The rpc endpoint " + address + " " + why + "; the call " + invocation + " was rejected.");
    }

    /** Rejects {@code invocation} if its fencing token is wrong; the base class accepts everything. */
    void checkFencing(RpcInvocation invocation) throws FencingTokenException {}

    /** Gateway methods by signature, over every gateway interface the endpoint class implements. */
    private static Map<String, Method> collectRpcMethods(Class<?> endpointClass) {
        Map<String, Method> methods = new HashMap<>();
        for (Class<?> type = endpointClass; type != null; type = type.getSuperclass()) {
            for (Class<?> candidate : type.getInterfaces()) {
                if (!RpcGateway.class.isAssignableFrom(candidate)) {
                    continue;
                }
                for (Method method : candidate.getMethods()) {
                    Class<?> declaring = method.getDeclaringClass();
                    if (declaring == RpcGateway.class || declaring == FencedRpcGateway.class) {
                        continue;
                    }
                    try {
                        // Gateways and endpoints may be package-private (e.g. in tests); everything here lives in
                        // the unnamed module, where this is allowed.
                        method.setAccessible(true);
                    } catch (RuntimeException e) {
                        // Leave it: invoke reports an IllegalAccessException if the method is really out of reach.
                    }
                    methods.putIfAbsent(RpcInvocation.signatureOf(method), method);
                }
            }
        }
        return Collections.unmodifiableMap(methods);
    }

    // ---- the main-thread executor ----

    /** The main thread as a {@link ComponentMainThreadExecutor}; fenced or not. */
    final class MainThreadExecutor implements ComponentMainThreadExecutor {

        private final boolean fenced;

        MainThreadExecutor(boolean fenced) {
            this.fenced = fenced;
        }

        private Runnable wrap(Runnable task) {
            return guarded(fenced ? wrapFencedTask(task) : task);
        }

        @Override
        public void execute(Runnable command) {
            mainThreadPool.execute(wrap(command));
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return mainThreadPool.schedule(wrap(command), delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            if (!fenced) {
                return mainThreadPool.schedule(callable, delay, unit);
            }
            // A fenced callable that is dropped must still finish its future: it fails instead of running.
            Callable<V> checked = fencedCallable(callable);
            return mainThreadPool.schedule(checked, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
                TimeUnit unit) {
            return mainThreadPool.scheduleAtFixedRate(wrap(command), initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                TimeUnit unit) {
            return mainThreadPool.scheduleWithFixedDelay(wrap(command), initialDelay, delay, unit);
        }

        @Override
        public void assertRunningInMainThread() {
            validateRunsInMainThread();
        }
    }

    /** Wraps a callable so that it fails when the fencing token changed between submission and run. */
    <V> Callable<V> fencedCallable(Callable<V> callable) {
        return callable;
    }
}
