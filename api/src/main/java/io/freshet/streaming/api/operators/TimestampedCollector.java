package io.freshet.streaming.api.operators;

import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.Collector;

/**
 * The collector of flatMap-like functions: gives every emitted value the timestamp of the input record, reusing one
 * record instance.
 */
public final class TimestampedCollector<T> implements Collector<T> {

    private final Output<StreamRecord<T>> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public TimestampedCollector(Output<StreamRecord<T>> output) {
        this.output = output;
    }

    @Override
    public void collect(T record) {
        output.collect(reuse.replace(record));
    }

    /** Emitted values get the timestamp of {@code input} (or none, if it has none). */
    public void setTimestamp(StreamRecord<?> input) {
        if (input.hasTimestamp()) {
            reuse.setTimestamp(input.getTimestamp());
        } else {
            reuse.eraseTimestamp();
        }
    }

    public void setAbsoluteTimestamp(long timestamp) {
        reuse.setTimestamp(timestamp);
    }

    public void eraseTimestamp() {
        reuse.eraseTimestamp();
    }

    @Override
    public void close() {
        // the output belongs to the chain
    }
}
