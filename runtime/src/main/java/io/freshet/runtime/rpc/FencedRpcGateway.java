package io.freshet.runtime.rpc;

import java.io.Serializable;

/**
 * A gateway to a {@link FencedRpcEndpoint}. Every call carries the fencing token this gateway was connected with,
 * and the endpoint rejects the call with {@link FencingTokenException} unless that is its current token.
 *
 * @param <F> type of the fencing token
 */
public interface FencedRpcGateway<F extends Serializable> extends RpcGateway {

    /** The fencing token every call through this gateway carries (answered locally). */
    F getFencingToken();
}
