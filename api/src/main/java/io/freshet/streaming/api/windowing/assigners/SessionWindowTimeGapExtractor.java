package io.freshet.streaming.api.windowing.assigners;

import java.io.Serializable;

/**
 * The session gap of an element, for sessions whose gap depends on the data ({@code withDynamicGap}).
 *
 * @param <T> the elements
 */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {

    /** The gap, in milliseconds (positive), that the session of {@code element} stays open after it. */
    long extract(T element);
}
