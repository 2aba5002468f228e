package io.freshet.runtime.rpc.local;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.rpc.RpcConnectionException;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcTarget;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link RpcService} without network: its address is {@code local://<name>}, and calls from services of the
 * same {@link LocalRpcSystem} are queued on the target endpoint's main thread as they are, not serialized.
 */
public final class LocalRpcService extends RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRpcService.class);

    /** Scheme of local addresses. */
    public static final String SCHEME = "local://";

    private final LocalRpcSystem system;

    LocalRpcService(LocalRpcSystem system, String serviceName, Configuration configuration) {
        super(serviceName, configuration);
        this.system = system;
        LOG.info("Started the local rpc service {}.", getAddress());
    }

    @Override
    public String getAddress() {
        return SCHEME + getServiceName();
    }

    @Override
    public String getHostname() {
        return "localhost";
    }

    @Override
    public int getPort() {
        return -1;
    }

    @Override
    protected CompletableFuture<RpcTarget> resolve(String address, Class<?> gatewayClass) {
        if (!address.startsWith(SCHEME)) {
            return FutureUtils.completedExceptionally(new RpcConnectionException("Could not connect to " + address
                    + ": a local rpc service reaches only addresses of the form " + SCHEME
                    + "<service>/<endpoint id>."));
        }
        String rest = address.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return FutureUtils.completedExceptionally(new RpcConnectionException("Could not connect to " + address
                    + ": the address has no endpoint id; expected " + SCHEME + "<service>/<endpoint id>."));
        }
        String serviceName = rest.substring(0, slash);
        String endpointId = rest.substring(slash + 1);
        LocalRpcService target = system.lookup(serviceName);
        if (target == null || target.isClosing()) {
            return FutureUtils.completedExceptionally(new RpcConnectionException(
                    "Could not connect to " + address + ": there is no running local rpc service '" + serviceName
                            + "'."));
        }
        RpcConnectionException problem = target.checkEndpoint(endpointId, gatewayClass.getName());
        if (problem != null) {
            return FutureUtils.completedExceptionally(problem);
        }
        return CompletableFuture.completedFuture(target.targetOf(endpointId));
    }

    private RpcConnectionException checkEndpoint(String endpointId, String gatewayClassName) {
        return checkLocalEndpoint(endpointId, gatewayClassName);
    }

    private RpcTarget targetOf(String endpointId) {
        return localTarget(endpointId);
    }

    @Override
    protected CompletableFuture<Void> stopTransport() {
        return CompletableFuture.completedFuture(null);
    }
}
