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
    /** Stopped with a savepoint: whatever the source still emits is dropped (it is after the savepoint's barrier). */
    private transient volatile boolean stopped;

    public StreamSource(SRC sourceFunction) {
        super(sourceFunction);
        this.chainingStrategy = ChainingStrategy.HEAD;
    }

    /**
     * Runs the source until it ends or is cancelled, in the calling (source) thread; every emission holds
     * {@code lock}, which the task thread takes for timers and flushes.
     */
    public void run(Object lock) throws Exception {
        SourceContextImpl context = new SourceContextImpl(lock);
        userFunction.run(context);
        if (!canceled) {
            synchronized (lock) {
                output.emitWatermark(Watermark.MAX_WATERMARK);
            }
        }
    }

    /** Asks the source to stop; called from another thread. */
    public void cancel() {
        canceled = true;
        userFunction.cancel();
    }

    /**
     * Stops the source after a stop-with-savepoint: anything it emits from now on is dropped, it is asked to end
     * ({@code cancel}), and no end-of-time watermark follows. Called under the checkpoint lock.
     */
    public void stop() {
        stopped = true;
        cancel();
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

        // Every emission holds the lock: the task thread takes it to fire timers and flush buffers while the
        // source's own loop runs (or waits) in the source thread.
        @Override
        public void collect(OUT element) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                reuse.eraseTimestamp();
                output.collect(reuse.replace(element));
            }
        }

        @Override
        public void collectWithTimestamp(OUT element, long timestamp) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                output.collect(reuse.replace(element, timestamp));
            }
        }

        @Override
        public void emitWatermark(Watermark mark) {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                output.emitWatermark(mark);
            }
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
