package io.freshet.runtime.io.network.api.writer;

/**
 * Chooses the output channel of each record. Set up once with the number of channels before the first record;
 * called by the task thread for every record, so implementations are allocation-free and need no locks.
 *
 * @param <T> the record type
 */
public interface ChannelSelector<T> {

    /** Called once before the first record with the number of output channels (at least 1). */
    void setup(int numberOfChannels);

    /**
     * The channel of {@code record}, in {@code [0, numberOfChannels)}.
     *
     * @throws UnsupportedOperationException for broadcast selectors, which send every record everywhere
     */
    int selectChannel(T record);

    /** True when every record goes to every channel ({@link #selectChannel} is then not called). */
    boolean isBroadcast();
}
