package io.freshet.runtime.io.network.api.writer;

/**
 * Sends every record to the one consumer instance with the same index: producer and consumer have the same
 * parallelism and a POINTWISE edge gives each producer exactly one channel.
 */
public final class ForwardPartitioner<T> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public void setup(int numberOfChannels) {
        if (numberOfChannels != 1) {
            throw new IllegalStateException("FORWARD partitioning needs exactly one output channel per producer (equal"
                    + " parallelism on both sides of a POINTWISE edge), got " + numberOfChannels
                    + "; use rebalance() or rescale() between operators of different parallelism");
        }
        super.setup(numberOfChannels);
    }

    @Override
    public int selectChannel(T record) {
        return 0;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new ForwardPartitioner<>();
    }

    @Override
    public String toString() {
        return "FORWARD";
    }
}
