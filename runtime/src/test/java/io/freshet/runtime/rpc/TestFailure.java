package io.freshet.runtime.rpc;

/** An exception of the test endpoint, with a field that must survive the wire. */
public class TestFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    public TestFailure(String message, int code) {
        super(message);
        this.code = code;
    }

    public int getCode() {
        return code;
    }
}
