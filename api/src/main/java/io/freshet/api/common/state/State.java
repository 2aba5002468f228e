package io.freshet.api.common.state;

/** A piece of keyed state: it always refers to the value of the key of the record being processed. */
public interface State {

    /** Removes the value of the current key. */
    void clear();
}
