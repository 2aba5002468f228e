package io.freshet.runtime.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * Where a gateway proxy delivers its calls: an endpoint in this process, or a connection to another process.
 * Implemented by the transports; not meant for users.
 */
public interface RpcTarget {

    /** Address of the endpoint, as {@link RpcGateway#getAddress()} reports it. */
    String getAddress();

    /** Host of the endpoint's process. */
    String getHostname();

    /**
     * Delivers a call whose answer the caller awaits. The returned future completes with the result or the failure;
     * the proxy adds the timeout, by completing this same future exceptionally, so transports may clean up in a
     * completion callback.
     */
    CompletableFuture<Object> ask(RpcInvocation invocation);

    /** Delivers a call without an answer; failures are logged, not reported. */
    void tell(RpcInvocation invocation);
}
