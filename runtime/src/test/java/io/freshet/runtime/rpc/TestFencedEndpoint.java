package io.freshet.runtime.rpc;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A fenced endpoint for tests. */
public class TestFencedEndpoint extends FencedRpcEndpoint<UUID> implements TestFencedGateway {

    public TestFencedEndpoint(RpcService rpcService, String endpointId) {
        super(rpcService, endpointId);
    }

    @Override
    public CompletableFuture<String> whoAmI() {
        return CompletableFuture.completedFuture(getEndpointId() + "@" + getFencingToken());
    }

    @Override
    public CompletableFuture<Void> becomeLeader(UUID token) {
        setFencingToken(token);
        return CompletableFuture.completedFuture(null);
    }

    void changeToken(UUID token) {
        setFencingToken(token);
    }

    <V> CompletableFuture<V> callUnfenced(java.util.concurrent.Callable<V> callable) {
        return callAsyncWithoutFencing(callable, java.time.Duration.ofSeconds(10));
    }

    void runFenced(Runnable runnable) {
        runAsync(runnable);
    }

    void runUnfenced(Runnable runnable) {
        runAsyncWithoutFencing(runnable);
    }
}
