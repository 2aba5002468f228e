package io.freshet.runtime.io.network.api.writer;

import java.util.concurrent.ThreadLocalRandom;

/** Sends each record to a channel chosen uniformly at random ({@code DataStream.shuffle()}). */
public final class ShufflePartitioner<T> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(T record) {
        return ThreadLocalRandom.current().nextInt(numberOfChannels);
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new ShufflePartitioner<>();
    }

    @Override
    public String toString() {
        return "SHUFFLE";
    }
}
