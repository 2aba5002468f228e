package io.freshet.runtime.taskexecutor.exceptions;

/** A slot request could not be served: wrong ResourceManager, unknown slot, or a slot allocated elsewhere. */
public class SlotAllocationException extends TaskManagerException {

    private static final long serialVersionUID = 1L;

    public SlotAllocationException(String message) {
        super(message);
    }

    public SlotAllocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
