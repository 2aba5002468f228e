package io.freshet.client.program;

/** A program could not be run: its jar or main class is unusable, or its main method threw. */
public class ProgramInvocationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProgramInvocationException(String message) {
        super(message);
    }

    public ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
