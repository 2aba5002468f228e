package io.freshet.runtime.rpc;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.RpcOptions;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.runtime.concurrent.ScheduledExecutorServiceAdapter;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts {@link RpcEndpoint}s and connects to endpoints anywhere, returning gateway proxies. Created by an
 * {@link RpcSystem}; one per process role in production, several per JVM in tests.
 *
 * <p>An endpoint registers with the service it is constructed with and is reachable under
 * {@code <service address>/<endpoint id>}. Calls to endpoints of this very service (by their address, or through
 * {@link RpcEndpoint#getSelfGateway}) are handed to the endpoint's main thread without serialization. Closing the
 * service stops all its endpoints, then its transport and its timer thread.
 *
 * <p>Timeouts: asks wait {@code pekko.ask.timeout} unless a call says otherwise; {@link #connect} waits
 * {@code pekko.lookup.timeout}.
 */
public abstract class RpcService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcService.class);

    /** Prefix of the name of every thread the RPC system starts. */
    public static final String THREAD_PREFIX = "freshet-rpc-";

    private final String serviceName;
    private final Duration askTimeout;
    private final Duration lookupTimeout;
    private final int maxFrameSize;
    private final ScheduledThreadPoolExecutor timerPool;
    private final ScheduledExecutor timer;
    private final Map<String, RpcEndpoint> endpoints = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();

    protected RpcService(String serviceName, Configuration configuration) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.askTimeout = configuration.get(RpcOptions.ASK_TIMEOUT);
        this.lookupTimeout = configuration.get(RpcOptions.LOOKUP_TIMEOUT);
        this.maxFrameSize = parseFrameSize(configuration.get(RpcOptions.FRAMESIZE));
        this.timerPool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + "timer-" + serviceName);
            thread.setDaemon(true);
            return thread;
        });
        timerPool.setRemoveOnCancelPolicy(true);
        this.timer = new ScheduledExecutorServiceAdapter(timerPool);
    }

    private static int parseFrameSize(String value) {
        long bytes;
        try {
            bytes = MemorySize.parse(value).getBytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value '" + value + "' of option '" + RpcOptions.FRAMESIZE.key()
                    + "': " + e.getMessage(), e);
        }
        if (bytes < 1024 || bytes > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("The option '" + RpcOptions.FRAMESIZE.key() + "' is " + value
                    + ", but must be between 1 kb and 2 gb.");
        }
        return (int) bytes;
    }

    // ---- identity ----

    /** The name of this service, used in thread names and local addresses. */
    public final String getServiceName() {
        return serviceName;
    }

    /** The address of this service; its endpoints live at {@code <address>/<endpoint id>}. */
    public abstract String getAddress();

    /** The host name under which this service is reachable. */
    public abstract String getHostname();

    /** The port this service listens on, or -1 if it is not reachable over the network. */
    public abstract int getPort();

    /** A timer for timeouts and delayed work; it must not run anything slow. Stops with the service. */
    public final ScheduledExecutor getScheduledExecutor() {
        return timer;
    }

    protected final Duration getAskTimeout() {
        return askTimeout;
    }

    protected final Duration getLookupTimeout() {
        return lookupTimeout;
    }

    /** Largest serialized message in bytes ({@code pekko.framesize}). */
    protected final int getMaxFrameSize() {
        return maxFrameSize;
    }

    // ---- connecting ----

    /**
     * Connects to the endpoint at {@code address} and returns a gateway to it. Fails with
     * {@link RpcConnectionException} if no endpoint implementing {@code gatewayClass} is there or the address
     * cannot be reached within {@code pekko.lookup.timeout}.
     */
    public final <C extends RpcGateway> CompletableFuture<C> connect(String address, Class<C> gatewayClass) {
        return connect(address, gatewayClass, false, null);
    }

    /**
     * Connects to the fenced endpoint at {@code address}; every call carries {@code fencingToken}, and the endpoint
     * rejects calls whose token is not its current one.
     */
    public final <F extends Serializable, C extends FencedRpcGateway<F>> CompletableFuture<C> connect(
            String address, F fencingToken, Class<C> gatewayClass) {
        return connect(address, gatewayClass, true, fencingToken);
    }

    private <C extends RpcGateway> CompletableFuture<C> connect(
            String address, Class<C> gatewayClass, boolean fenced, Serializable fencingToken) {
        try {
            RpcGatewayProxy.validateGatewayClass(gatewayClass);
        } catch (IllegalArgumentException e) {
            return FutureUtils.completedExceptionally(e);
        }
        if (closing.get()) {
            return FutureUtils.completedExceptionally(
                    new RpcConnectionException("The rpc service " + getAddress() + " is closed."));
        }
        CompletableFuture<RpcTarget> target;
        try {
            target = resolve(address, gatewayClass);
        } catch (RuntimeException e) {
            return FutureUtils.completedExceptionally(e);
        }
        FutureUtils.orTimeout(target, lookupTimeout, timer, () -> new RpcConnectionException("Could not connect to "
                + address + " within " + lookupTimeout.toMillis() + " ms ('" + RpcOptions.LOOKUP_TIMEOUT.key()
                + "'). Check that the process is running and reachable."));
        return target.thenApply(resolved -> RpcGatewayProxy.create(
                gatewayClass, resolved, fenced, () -> fencingToken, false, askTimeout, timer));
    }

    /**
     * Finds the endpoint at {@code address} and checks that it implements {@code gatewayClass}. The caller adds
     * the lookup timeout.
     */
    protected abstract CompletableFuture<RpcTarget> resolve(String address, Class<?> gatewayClass);

    final <C extends RpcGateway> C createSelfGateway(RpcEndpoint endpoint, Class<C> gatewayClass) {
        RpcTarget target = localTarget(endpoint.getEndpointId());
        boolean fencedGateway = FencedRpcGateway.class.isAssignableFrom(gatewayClass);
        return RpcGatewayProxy.create(
                gatewayClass,
                target,
                false,
                () -> endpoint instanceof FencedRpcEndpoint && fencedGateway
                        ? ((FencedRpcEndpoint<?>) endpoint).getFencingToken()
                        : null,
                true,
                askTimeout,
                timer);
    }

    // ---- the local path ----

    /** A target that hands calls to the endpoint {@code endpointId} of this service, looked up on every call. */
    protected final RpcTarget localTarget(String endpointId) {
        String address = getAddress() + "/" + endpointId;
        return new RpcTarget() {
            @Override
            public String getAddress() {
                return address;
            }

            @Override
            public String getHostname() {
                return RpcService.this.getHostname();
            }

            @Override
            public CompletableFuture<Object> ask(RpcInvocation invocation) {
                return invokeLocal(endpointId, invocation);
            }

            @Override
            public void tell(RpcInvocation invocation) {
                invokeLocal(endpointId, invocation).whenComplete((ignored, error) -> {
                    if (error != null) {
                        LOG.debug("The tell {} to {} failed.", invocation, address, error);
                    }
                });
            }
        };
    }

    /** Runs {@code invocation} on the endpoint {@code endpointId} of this service. */
    protected final CompletableFuture<Object> invokeLocal(String endpointId, RpcInvocation invocation) {
        RpcEndpoint endpoint = endpoints.get(endpointId);
        if (endpoint == null) {
            return FutureUtils.completedExceptionally(new RpcConnectionException("There is no rpc endpoint at "
                    + getAddress() + "/" + endpointId + "; the call " + invocation + " was not delivered."));
        }
        return endpoint.invokeRpc(invocation);
    }

    /**
     * Checks that endpoint {@code endpointId} is registered here and implements the gateway named
     * {@code gatewayClassName}; returns the problem, or null if there is none.
     */
    protected final RpcConnectionException checkLocalEndpoint(String endpointId, String gatewayClassName) {
        RpcEndpoint endpoint = endpoints.get(endpointId);
        String address = getAddress() + "/" + endpointId;
        if (endpoint == null) {
            return new RpcConnectionException("Could not connect to " + address + ": there is no rpc endpoint '"
                    + endpointId + "' at " + getAddress() + ".");
        }
        for (Class<?> type = endpoint.getClass(); type != null; type = type.getSuperclass()) {
            if (implementsNamed(type, gatewayClassName)) {
                return null;
            }
        }
        return new RpcConnectionException("Could not connect to " + address + ": the endpoint is a "
                + endpoint.getClass().getName() + ", which does not implement the gateway " + gatewayClassName + ".");
    }

    private static boolean implementsNamed(Class<?> type, String interfaceName) {
        for (Class<?> candidate : type.getInterfaces()) {
            if (candidate.getName().equals(interfaceName) || implementsNamed(candidate, interfaceName)) {
                return true;
            }
        }
        return false;
    }

    // ---- endpoints ----

    final void registerEndpoint(RpcEndpoint endpoint) {
        if (closing.get()) {
            throw new IllegalStateException("The rpc service " + getAddress() + " is closed; cannot register "
                    + endpoint.getEndpointId() + ".");
        }
        RpcEndpoint previous = endpoints.putIfAbsent(endpoint.getEndpointId(), endpoint);
        if (previous != null) {
            throw new IllegalStateException("The rpc service " + getAddress() + " already has an endpoint with id '"
                    + endpoint.getEndpointId() + "'.");
        }
    }

    final void unregisterEndpoint(RpcEndpoint endpoint) {
        endpoints.remove(endpoint.getEndpointId(), endpoint);
    }

    // ---- shutdown ----

    /**
     * Stops all endpoints of this service, then the transport and the timer. The future completes when all of
     * them have stopped. Idempotent.
     */
    public final CompletableFuture<Void> closeAsync() {
        if (!closing.compareAndSet(false, true)) {
            return terminationFuture;
        }
        List<CompletableFuture<Void>> stopped = new ArrayList<>();
        for (RpcEndpoint endpoint : endpoints.values()) {
            stopped.add(endpoint.closeAsync().exceptionally(error -> null));
        }
        CompletableFuture.allOf(stopped.toArray(new CompletableFuture<?>[0]))
                .thenCompose(ignored -> stopTransport())
                .whenComplete((ignored, error) -> {
                    timerPool.shutdownNow();
                    if (error != null) {
                        LOG.warn("The rpc service {} did not stop cleanly.", getAddress(), error);
                        terminationFuture.completeExceptionally(error);
                    } else {
                        LOG.info("Stopped the rpc service {}.", getAddress());
                        terminationFuture.complete(null);
                    }
                });
        return terminationFuture;
    }

    /** Stops the transport (servers, connections, their threads) once the endpoints have stopped. */
    protected abstract CompletableFuture<Void> stopTransport();

    /** Completes when {@link #closeAsync()} has finished. */
    public final CompletableFuture<Void> getTerminationFuture() {
        return terminationFuture;
    }

    /** Closes the service and waits for it. */
    @Override
    public final void close() throws Exception {
        try {
            closeAsync().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }

    protected final boolean isClosing() {
        return closing.get();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + getAddress() + ")";
    }
}
