package io.freshet.runtime.source.event;

import io.freshet.runtime.operators.coordination.OperatorEvent;

/** The enumerator assigns the reader no more splits. */
public final class NoMoreSplitsEvent implements OperatorEvent {

    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "NoMoreSplitsEvent";
    }
}
