package io.freshet.streaming.api.operators;

/** The key the keyed state of an operator refers to right now. */
public interface KeyContext {

    void setCurrentKey(Object key);

    Object getCurrentKey();
}
