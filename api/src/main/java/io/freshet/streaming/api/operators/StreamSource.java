package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.functions.source.SourceFunction;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs a {@link SourceFunction}: its {@code run} loop emits through a context into the chain. When {@code run}
 * returns (a bounded source), the maximum watermark follows: event time is complete.
 */
@SuppressWarnings("deprecation")
public class StreamSource<OUT, SRC extends SourceFunction<OUT>> extends AbstractUdfStreamOperator<OUT, SRC> {

    private static final long serialVersionUID = 1L;

    private transient volatile boolean canceled;

    public StreamSource(SRC sourceFunction) {
        super(sourceFunction);
        this.chainingStrategy = ChainingStrategy.HEAD;
    }

    /** Runs the source until it ends or is cancelled; emits under {@code lock}'s rules. */
    public void run(Object lock) throws Exception {
        SourceContextImpl context = new SourceContextImpl(lock);
        userFunction.run(context);
        if (!canceled) {
            output.emitWatermark(Watermark.MAX_WATERMARK);
        }
    }

    /** Asks the source to stop; called from another thread. */
    public void cancel() {
        canceled = true;
        userFunction.cancel();
    }

    public boolean isCanceled() {
        return canceled;
    }

    private final class SourceContextImpl implements SourceFunction.SourceContext<OUT> {
        private final Object lock;
        private final StreamRecord<OUT> reuse = new StreamRecord<>(null);

        SourceContextImpl(Object lock) {
            this.lock = lock;
        }

        @Override
        public void collect(OUT element) {
            reuse.eraseTimestamp();
            output.collect(reuse.replace(element));
        }

        @Override
        public void collectWithTimestamp(OUT element, long timestamp) {
            output.collect(reuse.replace(element, timestamp));
        }

        @Override
        public void emitWatermark(Watermark mark) {
            output.emitWatermark(mark);
        }

        @Override
        public void markAsTemporarilyIdle() {
            // idleness is propagated with the watermark work
        }

        @Override
        public Object getCheckpointLock() {
            return lock;
        }

        @Override
        public void close() {}
    }
}
