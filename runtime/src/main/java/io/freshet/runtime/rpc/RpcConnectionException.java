package io.freshet.runtime.rpc;

/**
 * The target of an RPC call could not be reached: no endpoint under the address, the remote process unreachable,
 * or the connection lost while the call was outstanding.
 */
public class RpcConnectionException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcConnectionException(String message) {
        super(message);
    }

    public RpcConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
