package io.freshet.api.java.functions;

/**
 * Gives every record the same key, the byte 0, so that a non-keyed operation can run on the keyed machinery
 * with all records in one group.
 *
 * @param <T> the record type
 */
public class NullByteKeySelector<T> implements KeySelector<T, Byte> {

    private static final long serialVersionUID = 1L;

    @Override
    public Byte getKey(T value) throws Exception {
        return 0;
    }
}
