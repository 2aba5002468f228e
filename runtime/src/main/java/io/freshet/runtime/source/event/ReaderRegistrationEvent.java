package io.freshet.runtime.source.event;

import io.freshet.runtime.operators.coordination.OperatorEvent;

/** A reader started (or started again after a failure) and can be assigned splits. */
public final class ReaderRegistrationEvent implements OperatorEvent {

    private static final long serialVersionUID = 1L;

    private final int subtaskId;
    private final String location;

    public ReaderRegistrationEvent(int subtaskId, String location) {
        this.subtaskId = subtaskId;
        this.location = location;
    }

    public int subtaskId() {
        return subtaskId;
    }

    public String location() {
        return location;
    }

    @Override
    public String toString() {
        return "ReaderRegistrationEvent(" + subtaskId + "@" + location + ")";
    }
}
