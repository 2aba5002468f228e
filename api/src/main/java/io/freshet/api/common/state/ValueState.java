package io.freshet.api.common.state;

import java.io.IOException;

/**
 * One value per key. {@link #value()} is null for a key that has none (or the descriptor's default value, for the
 * deprecated constructors that take one).
 */
public interface ValueState<T> extends State {

    T value() throws IOException;

    void update(T value) throws IOException;
}
