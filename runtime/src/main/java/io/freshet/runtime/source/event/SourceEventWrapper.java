package io.freshet.runtime.source.event;

import io.freshet.api.connector.source.SourceEvent;
import io.freshet.runtime.operators.coordination.OperatorEvent;

/** A source's own event between its enumerator and a reader. */
public final class SourceEventWrapper implements OperatorEvent {

    private static final long serialVersionUID = 1L;

    private final SourceEvent sourceEvent;

    public SourceEventWrapper(SourceEvent sourceEvent) {
        this.sourceEvent = sourceEvent;
    }

    public SourceEvent getSourceEvent() {
        return sourceEvent;
    }

    @Override
    public String toString() {
        return "SourceEventWrapper(" + sourceEvent + ")";
    }
}
