package io.freshet.api.common.state;

/** State that values are added to, with a combined view ({@link #get()}). */
public interface AppendingState<IN, OUT> extends State {

    /** The combined value for the current key, or null when nothing was added. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
