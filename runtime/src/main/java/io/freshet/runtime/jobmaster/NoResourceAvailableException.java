package io.freshet.runtime.jobmaster;

/** A job could not get the slots it needs in time; the message says how many were missing. */
public class NoResourceAvailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoResourceAvailableException(String message) {
        super(message);
    }
}
