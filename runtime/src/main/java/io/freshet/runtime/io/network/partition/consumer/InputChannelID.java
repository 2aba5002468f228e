package io.freshet.runtime.io.network.partition.consumer;

import io.freshet.util.AbstractID;

/** Identifies a remote input channel towards the producer's shuffle server (the receiver ID of the protocol). */
public final class InputChannelID extends AbstractID {

    private static final long serialVersionUID = 1L;

    public InputChannelID() {}

    public InputChannelID(long lowerPart, long upperPart) {
        super(lowerPart, upperPart);
    }
}
