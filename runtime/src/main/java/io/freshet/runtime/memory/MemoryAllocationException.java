package io.freshet.runtime.memory;

/** Thrown when the {@link MemoryManager} cannot give the pages asked for. The message names owner and numbers. */
public class MemoryAllocationException extends Exception {

    private static final long serialVersionUID = 1L;

    public MemoryAllocationException(String message) {
        super(message);
    }
}
