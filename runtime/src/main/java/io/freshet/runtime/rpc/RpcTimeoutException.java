package io.freshet.runtime.rpc;

/** An RPC ask got no answer within its timeout ({@link RpcTimeout} or {@code pekko.ask.timeout}). */
public class RpcTimeoutException extends RpcException {

    private static final long serialVersionUID = 1L;

    public RpcTimeoutException(String message) {
        super(message);
    }
}
