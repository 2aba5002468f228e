package io.freshet.runtime.taskexecutor.slot;

/** A slot operation named an allocation, slot or task this TaskExecutor does not have (in that role). */
public class SlotNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public SlotNotFoundException(String message) {
        super(message);
    }
}
