package io.freshet.runtime.io.network.api.writer;

/**
 * Round robin over the channels of a POINTWISE edge: each producer feeds only its own subset of the consumers
 * (for example 2 producers and 4 consumers: producer 0 feeds consumers 0 and 1), which keeps the traffic local
 * when the parallelism changes by a factor. Starts at channel 0.
 */
public final class RescalePartitioner<T> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    private int nextChannelToSendTo;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        nextChannelToSendTo = 0;
    }

    @Override
    public int selectChannel(T record) {
        int channel = nextChannelToSendTo;
        int next = channel + 1;
        nextChannelToSendTo = next == numberOfChannels ? 0 : next;
        return channel;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new RescalePartitioner<>();
    }

    @Override
    public String toString() {
        return "RESCALE";
    }
}
