package io.freshet.runtime.io.network.api.writer;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Round robin over all channels, starting at a random one so that many producers do not all hit channel 0 first.
 * Every channel receives the same number of records, give or take one.
 */
public final class RebalancePartitioner<T> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    private int nextChannelToSendTo;

    @Override
    public void setup(int numberOfChannels) {
        super.setup(numberOfChannels);
        nextChannelToSendTo = ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

    @Override
    public int selectChannel(T record) {
        int channel = nextChannelToSendTo;
        int next = channel + 1;
        nextChannelToSendTo = next == numberOfChannels ? 0 : next;
        return channel;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new RebalancePartitioner<>();
    }

    @Override
    public String toString() {
        return "REBALANCE";
    }
}
