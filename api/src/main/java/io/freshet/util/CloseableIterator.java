package io.freshet.util;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * An iterator over a resource (a running job's results, a file) that must be closed when the caller is done with it,
 * also when it stops before the end.
 *
 * @param <T> the element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    /** An iterator without elements whose close does nothing. */
    CloseableIterator<?> EMPTY_INSTANCE = adapterForIterator(Collections.emptyIterator());

    /** {@code iterator} as a closeable iterator whose close does nothing. */
    static <T> CloseableIterator<T> adapterForIterator(Iterator<T> iterator) {
        return adapterForIterator(iterator, () -> {});
    }

    /** {@code iterator} as a closeable iterator that closes {@code close} when it is closed. */
    static <T> CloseableIterator<T> adapterForIterator(Iterator<T> iterator, AutoCloseable close) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public T next() {
                return iterator.next();
            }

            @Override
            public void remove() {
                iterator.remove();
            }

            @Override
            public void close() throws Exception {
                close.close();
            }
        };
    }

    /** The elements of {@code list}; closing hands each element not yet returned to {@code closeNotConsumed}. */
    static <T> CloseableIterator<T> fromList(List<T> list, Consumer<T> closeNotConsumed) {
        Iterator<T> elements = list.iterator();
        return adapterForIterator(elements, () -> elements.forEachRemaining(closeNotConsumed));
    }

    @SuppressWarnings("unchecked")
    static <T> CloseableIterator<T> empty() {
        return (CloseableIterator<T>) EMPTY_INSTANCE;
    }
}
