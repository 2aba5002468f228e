package io.freshet.api.common.functions;

/** A type cannot be used as it is, or could not be determined; the message says which and how to fix it. */
public class InvalidTypesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTypesException() {}

    public InvalidTypesException(String message) {
        super(message);
    }

    public InvalidTypesException(String message, Throwable cause) {
        super(message, cause);
    }
}
