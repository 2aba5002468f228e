package io.freshet.streaming.runtime.io;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.runtime.io.network.api.serialization.RecordDeserializer;
import io.freshet.runtime.io.network.api.serialization.SpanningRecordDeserializer;
import io.freshet.runtime.io.network.partition.consumer.BufferOrEvent;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.plugable.DeserializationDelegate;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamElement;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Reads the stream elements of all input gates of a task (several gates for a union) as one input.
 *
 * <p>Records come out as they arrive, in one reused {@link StreamRecord} (valid until the next call). Watermarks are
 * aligned: each channel's last watermark is kept, and a watermark comes out only when the minimum over all channels
 * rises; a channel that has ended counts as {@code Long.MAX_VALUE}. When no gate has data, the caller is told
 * ({@link #pollNext} returns null) so it can flush its outputs before it {@link #waitForData}. Task thread only.
 */
public final class StreamTaskInput<T> implements AutoCloseable {

    private final InputGate[] gates;
    private final RecordDeserializer<StreamElement>[][] deserializers;
    private final long[][] channelWatermarks;
    private final ElementDelegate<T> delegate;
    private RecordDeserializer<StreamElement> current;
    private int currentGate;
    private int currentChannel;
    private int nextGate;
    private long emittedWatermark = Long.MIN_VALUE;
    private int finishedGates;
    private final boolean[] gateFinished;
    /** A watermark that became due when a channel ended, returned by the next {@link #pollNext}. */
    private Watermark pendingWatermark;

    @SuppressWarnings("unchecked")
    public StreamTaskInput(List<InputGate> inputGates, TypeSerializer<T> valueSerializer) {
        this.gates = inputGates.toArray(new InputGate[0]);
        this.deserializers = new RecordDeserializer[gates.length][];
        this.channelWatermarks = new long[gates.length][];
        this.gateFinished = new boolean[gates.length];
        for (int g = 0; g < gates.length; g++) {
            int channels = gates[g].getNumberOfInputChannels();
            deserializers[g] = new RecordDeserializer[channels];
            channelWatermarks[g] = new long[channels];
            for (int c = 0; c < channels; c++) {
                deserializers[g][c] = new SpanningRecordDeserializer<>();
                channelWatermarks[g][c] = Long.MIN_VALUE;
            }
        }
        this.delegate = new ElementDelegate<>(new StreamElementSerializer<>(valueSerializer));
    }

    /** True once every gate has ended and everything was read. */
    public boolean isFinished() {
        return current == null && finishedGates == gates.length;
    }

    /**
     * The next record or (aligned) watermark available now, or null when nothing is available (or everything has
     * ended: check {@link #isFinished()}).
     */
    public StreamElement pollNext() throws IOException {
        while (true) {
            if (current != null) {
                RecordDeserializer.DeserializationResult result = current.getNextRecord(delegate);
                if (result.isBufferConsumed()) {
                    current = null;
                }
                if (result.isFullRecord()) {
                    StreamElement element = delegate.getInstance();
                    if (element.isRecord()) {
                        return element;
                    }
                    Watermark aligned = onWatermark(currentGate, currentChannel, element.asWatermark().getTimestamp());
                    if (aligned != null) {
                        return aligned;
                    }
                }
                continue;
            }
            boolean progress = pollGates();
            if (pendingWatermark != null) {
                Watermark watermark = pendingWatermark;
                pendingWatermark = null;
                return watermark;
            }
            if (!progress) {
                return null;
            }
        }
    }

    /** Takes the next buffer of some gate (round robin); false when none has one now. */
    private boolean pollGates() throws IOException {
        for (int i = 0; i < gates.length; i++) {
            int g = (nextGate + i) % gates.length;
            if (gateFinished[g]) {
                continue;
            }
            Optional<BufferOrEvent> next = gates[g].pollNext();
            if (next.isEmpty()) {
                if (gates[g].isFinished()) {
                    gateFinished[g] = true;
                    finishedGates++;
                }
                continue;
            }
            nextGate = (g + 1) % gates.length;
            BufferOrEvent bufferOrEvent = next.get();
            int channel = bufferOrEvent.getChannelIndex();
            if (bufferOrEvent.isBuffer()) {
                current = deserializers[g][channel];
                currentGate = g;
                currentChannel = channel;
                current.setNextBuffer(bufferOrEvent.getBuffer());
                return true;
            }
            if (deserializers[g][channel].hasUnfinishedData()) {
                throw new IOException("Input " + g + ", channel " + channel + " sent " + bufferOrEvent.getEvent()
                        + " in the middle of a record");
            }
            // end of partition (the only event so far): the channel no longer holds event time back
            pendingWatermark = onWatermark(g, channel, Long.MAX_VALUE);
            if (gates[g].isFinished()) {
                gateFinished[g] = true;
                finishedGates++;
            }
            return true;
        }
        return false;
    }

    private Watermark onWatermark(int gate, int channel, long timestamp) {
        if (timestamp <= channelWatermarks[gate][channel]) {
            return null;
        }
        channelWatermarks[gate][channel] = timestamp;
        long minimum = Long.MAX_VALUE;
        for (long[] gateWatermarks : channelWatermarks) {
            for (long watermark : gateWatermarks) {
                minimum = Math.min(minimum, watermark);
            }
        }
        if (minimum > emittedWatermark) {
            emittedWatermark = minimum;
            return minimum == Long.MAX_VALUE ? Watermark.MAX_WATERMARK : new Watermark(minimum);
        }
        return null;
    }

    /** Completes when some gate of this input may have data (at once when all have ended). */
    public CompletableFuture<?> availability() {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[gates.length - finishedGates];
        int n = 0;
        for (int g = 0; g < gates.length; g++) {
            if (!gateFinished[g]) {
                futures[n++] = gates[g].getAvailableFuture();
            }
        }
        return n == 0 ? CompletableFuture.completedFuture(null) : CompletableFuture.anyOf(futures);
    }

    /** Waits until some gate may have data (or has ended), or {@code alsoWakeOn} completes (a due timer). */
    public void waitForData(CompletableFuture<?> alsoWakeOn) throws InterruptedException, IOException {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[gates.length - finishedGates + 1];
        futures[0] = alsoWakeOn;
        int n = 1;
        for (int g = 0; g < gates.length; g++) {
            if (!gateFinished[g]) {
                futures[n++] = gates[g].getAvailableFuture();
            }
        }
        if (n == 1) {
            return;
        }
        try {
            CompletableFuture.anyOf(futures).get();
        } catch (ExecutionException e) {
            throw new IOException("An input of the task failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        for (RecordDeserializer<StreamElement>[] gate : deserializers) {
            for (RecordDeserializer<StreamElement> deserializer : gate) {
                deserializer.clear();
            }
        }
        current = null;
    }

    /** Deserializes elements into one reused record. */
    private static final class ElementDelegate<T> implements DeserializationDelegate<StreamElement> {
        private final StreamElementSerializer<T> serializer;
        private final StreamRecord<T> reuse = new StreamRecord<>(null);
        private StreamElement instance;

        ElementDelegate(StreamElementSerializer<T> serializer) {
            this.serializer = serializer;
        }

        @Override
        public StreamElement getInstance() {
            return instance;
        }

        @Override
        public void setInstance(StreamElement instance) {
            this.instance = instance;
        }

        @Override
        public void read(DataInputView in) throws IOException {
            instance = serializer.deserialize(reuse, in);
        }
    }
}
