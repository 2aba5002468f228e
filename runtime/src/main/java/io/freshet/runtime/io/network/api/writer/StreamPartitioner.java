package io.freshet.runtime.io.network.api.writer;

import java.io.Serializable;

/**
 * Base of the partitioners: a {@link ChannelSelector} that travels inside job graphs (serializable, configured by
 * its constructor) and learns its number of channels at {@link #setup}.
 */
public abstract class StreamPartitioner<T> implements ChannelSelector<T>, Serializable {

    private static final long serialVersionUID = 1L;

    protected int numberOfChannels;

    @Override
    public void setup(int numberOfChannels) {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException(this + " needs at least one output channel, got " + numberOfChannels);
        }
        this.numberOfChannels = numberOfChannels;
    }

    @Override
    public boolean isBroadcast() {
        return false;
    }

    /** True when the consumer instances each see only some producers (a POINTWISE edge): forward and rescale. */
    public boolean isPointwise() {
        return false;
    }

    /** A fresh instance with the same configuration, for another producer instance. */
    public abstract StreamPartitioner<T> copy();
}
