package io.freshet.streaming.runtime.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.freshet.runtime.io.network.api.writer.ChannelSelector;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.api.writer.StreamPartitioner;
import io.freshet.streaming.api.operators.Output;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamElement;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * The end of a chain: serializes records into a produced partition, routed by the edge's partitioner over the
 * record's value; watermarks go to every channel. Flushes when the task asks ({@link FlushPolicy}).
 */
final class RecordWriterOutput<T> implements Output<StreamRecord<T>> {

    private final RecordWriter<StreamElement> writer;
    private final FlushPolicy flushPolicy;

    RecordWriterOutput(RecordWriter<StreamElement> writer, FlushPolicy flushPolicy) {
        this.writer = writer;
        this.flushPolicy = flushPolicy;
    }

    /** Routes stream elements by the value of records (watermarks are broadcast, never routed). */
    static final class ValueChannelSelector<T> implements ChannelSelector<StreamElement> {
        private final StreamPartitioner<T> partitioner;

        ValueChannelSelector(StreamPartitioner<T> partitioner) {
            this.partitioner = partitioner;
        }

        @Override
        public void setup(int numberOfChannels) {
            partitioner.setup(numberOfChannels);
        }

        @Override
        public int selectChannel(StreamElement element) {
            return partitioner.selectChannel(element.<T>asRecord().getValue());
        }

        @Override
        public boolean isBroadcast() {
            return partitioner.isBroadcast();
        }
    }

    @Override
    public void collect(StreamRecord<T> record) {
        try {
            writer.emit(record);
            if (flushPolicy.shouldFlush()) {
                writer.flushAll();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a record (the task is being cancelled)", e);
        }
    }

    /**
     * Sends {@code event} (an unaligned checkpoint barrier) to every channel ahead of the unsent buffers; returns, per
     * channel, a copy of the bytes it overtook (null where none).
     */
    byte[][] broadcastPriorityEvent(io.freshet.runtime.event.AbstractEvent event) throws IOException {
        return writer.broadcastPriorityEvent(event);
    }

    /** Done when writing a record will not wait for a network buffer. */
    java.util.concurrent.CompletableFuture<?> getAvailableFuture() {
        return writer.getAvailableFuture();
    }

    /** Sends {@code event} (a checkpoint barrier) to every channel, after the records before it. */
    void broadcastEvent(io.freshet.runtime.event.AbstractEvent event) throws IOException {
        writer.broadcastEvent(event);
    }

    @Override
    public void emitWatermark(Watermark mark) {
        try {
            writer.broadcastEmit(mark);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a watermark (the task is being cancelled)", e);
        }
    }

    @Override
    public void emitWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) {
        try {
            writer.broadcastEmit(watermarkStatus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a watermark status (the task is being"
                    + " cancelled)", e);
        }
    }

    void flush() throws IOException {
        writer.flushAll();
    }

    /** Leaf outputs carry one stream; the operator's {@link OperatorOutput} routes side outputs to them. */
    @Override
    public <X> void collect(io.freshet.util.OutputTag<X> outputTag, StreamRecord<X> record) {
        throw new IllegalStateException("side outputs are routed by OperatorOutput, not by a single edge");
    }

    @Override
    public void close() {}
}
