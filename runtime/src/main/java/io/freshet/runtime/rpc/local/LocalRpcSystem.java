package io.freshet.runtime.rpc.local;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The in-JVM {@link RpcSystem}: a directory of {@link LocalRpcService}s by name. */
public final class LocalRpcSystem implements RpcSystem {

    private final Map<String, LocalRpcService> services = new ConcurrentHashMap<>();

    @Override
    public RpcService createService(String serviceName, String bindHost, int port, Configuration configuration) {
        if (serviceName.isEmpty() || serviceName.contains("/")) {
            throw new IllegalArgumentException("A local service name must be non-empty without '/': " + serviceName);
        }
        LocalRpcService service = new LocalRpcService(this, serviceName, configuration);
        if (services.putIfAbsent(serviceName, service) != null) {
            service.closeAsync();
            throw new IllegalStateException("There is already a local rpc service named '" + serviceName + "'.");
        }
        service.getTerminationFuture().whenComplete((ignored, error) -> services.remove(serviceName, service));
        return service;
    }

    LocalRpcService lookup(String serviceName) {
        return services.get(serviceName);
    }
}
