package io.freshet.runtime.io.network.api;

import io.freshet.runtime.event.RuntimeEvent;

/** The last thing a producer sends on each channel: no record or event follows it. A stateless singleton. */
public final class EndOfPartitionEvent extends RuntimeEvent {

    public static final EndOfPartitionEvent INSTANCE = new EndOfPartitionEvent();

    private EndOfPartitionEvent() {}

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EndOfPartitionEvent;
    }

    @Override
    public int hashCode() {
        return 1965146673;
    }

    @Override
    public String toString() {
        return "EndOfPartitionEvent";
    }
}
