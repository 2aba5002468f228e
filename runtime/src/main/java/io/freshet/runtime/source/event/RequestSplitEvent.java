package io.freshet.runtime.source.event;

import io.freshet.runtime.operators.coordination.OperatorEvent;

/** A reader asks for a split. */
public final class RequestSplitEvent implements OperatorEvent {

    private static final long serialVersionUID = 1L;

    private final String hostName;

    public RequestSplitEvent(String hostName) {
        this.hostName = hostName;
    }

    public String hostName() {
        return hostName;
    }

    @Override
    public String toString() {
        return "RequestSplitEvent(" + hostName + ")";
    }
}
