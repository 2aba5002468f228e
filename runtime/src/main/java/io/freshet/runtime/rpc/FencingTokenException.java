package io.freshet.runtime.rpc;

/**
 * A fenced endpoint rejected a call because the caller's expected fencing token is not the endpoint's current
 * one: the caller talks to a former (or not yet) leader.
 */
public class FencingTokenException extends RpcException {

    private static final long serialVersionUID = 1L;

    public FencingTokenException(String message) {
        super(message);
    }
}
