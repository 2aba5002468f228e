package io.freshet.runtime.rpc;

/**
 * The remote face of an {@link RpcEndpoint}: an interface whose methods a proxy turns into messages.
 *
 * <p>Each method of a gateway interface returns either {@code void} (a <em>tell</em>: fire and forget, failures
 * are only logged) or {@code CompletableFuture<T>} (an <em>ask</em>: the future completes with the method's
 * result, with the exception the method threw, with {@link RpcTimeoutException} after the call's timeout, or with
 * {@link RpcConnectionException} if the target cannot be reached). A {@code Duration} parameter annotated with
 * {@link RpcTimeout} sets the call's timeout. Arguments and results cross process boundaries serialized with Kryo,
 * and inside one process they are handed over as they are: treat both as immutable.
 *
 * <p>The methods declared here are answered by the proxy itself, without a message.
 */
public interface RpcGateway {

    /** The address of the endpoint behind this gateway, usable with {@link RpcService#connect}. */
    String getAddress();

    /** The host name of the process of the endpoint behind this gateway. */
    String getHostname();
}
