package io.freshet.api.common.state;

import java.util.List;

/** A list of values per key. {@link #get()} is an empty iterable (never null) for a key without values. */
public interface ListState<T> extends MergingState<T, Iterable<T>> {

    /** Replaces the list. */
    void update(List<T> values) throws Exception;

    void addAll(List<T> values) throws Exception;
}
