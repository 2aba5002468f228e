package io.freshet.runtime.io.network.api.writer;

/** Sends every record to channel 0: the first consumer instance sees the whole stream. */
public final class GlobalPartitioner<T> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(T record) {
        return 0;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new GlobalPartitioner<>();
    }

    @Override
    public String toString() {
        return "GLOBAL";
    }
}
