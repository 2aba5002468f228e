package io.freshet.runtime.io.network.api;

import io.freshet.runtime.event.RuntimeEvent;

/**
 * Sent before the end of partition by a producer that ends because the job was stopped with a savepoint without
 * {@code --drain}: the consumer does not treat that end as the end of its input (no end-of-time watermark, operators
 * not finished) and ends the same way. A stateless singleton.
 */
public final class EndOfDataEvent extends RuntimeEvent {

    public static final EndOfDataEvent INSTANCE = new EndOfDataEvent();

    private EndOfDataEvent() {}

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EndOfDataEvent;
    }

    @Override
    public int hashCode() {
        return 1312001;
    }

    @Override
    public String toString() {
        return "EndOfDataEvent";
    }
}
