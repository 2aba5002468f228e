package io.freshet.runtime.io.network.api.writer;

/** Sends every record to every channel; the record writer serializes it once and copies the bytes. */
public final class BroadcastPartitioner<T> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(T record) {
        throw new UnsupportedOperationException("a broadcast goes to every channel; there is no single one to select");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new BroadcastPartitioner<>();
    }

    @Override
    public String toString() {
        return "BROADCAST";
    }
}
