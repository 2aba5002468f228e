package io.freshet.runtime.rpc;

/** An RPC call failed for a reason of the RPC system rather than of the called method. */
public class RpcException extends Exception {

    private static final long serialVersionUID = 1L;

    public RpcException(String message) {
        super(message);
    }

    public RpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
