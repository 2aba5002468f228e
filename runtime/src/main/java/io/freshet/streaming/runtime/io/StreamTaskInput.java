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
import io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Reads the stream elements of all input gates of a task (several gates for a union) as one input.
 *
 * <p>Records come out as they arrive, in one reused {@link StreamRecord} (valid until the next call). Watermarks are
 * aligned: each channel's last watermark is kept, and a watermark comes out only when the minimum over all channels
 * rises; a channel that has ended counts as {@code Long.MAX_VALUE}, an idle channel (its upstream said
 * {@link WatermarkStatus#IDLE}) does not count until it is active again. When every channel that has not ended is
 * idle, the input is idle: {@code IDLE} comes out, and {@code ACTIVE} when a channel wakes up. When no gate has data, the caller is told
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
    private final boolean[][] channelIdle;
    private boolean inputIdle;
    /** Elements that became due together (a watermark and a status change), returned by the next calls. */
    private final java.util.ArrayDeque<StreamElement> pending = new java.util.ArrayDeque<>();
    /** Decides when checkpoint barriers are aligned; null when the task takes no checkpoints. */
    private final CheckpointBarrierHandler barrierHandler;
    /** The last checkpoint barrier each channel delivered, and whether the channel is blocked until alignment ends. */
    private final long[][] lastBarrier;
    private final boolean[][] blocked;
    private final boolean[][] endedChannels;
    /** Channels whose producer was stopped with a savepoint, without draining, and how many. */
    private final boolean[][] channelStopped;
    private int stoppedChannels;
    private final int totalChannels;
    /** Whether unaligned barriers may arrive: then each record is preceded by a look for one. */
    private final boolean checkPriority;
    /** Buffers and events of blocked channels, in arrival order, and those released again, to be read first. */
    private final java.util.ArrayDeque<Held> held = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Held> released = new java.util.ArrayDeque<>();
    /**
     * While an unaligned checkpoint collects in-flight data: a copy of what each channel without the barrier yet has
     * delivered since the snapshot (null: not recording).
     */
    private final io.freshet.core.memory.DataOutputSerializer[][] recording;

    /** A buffer or event of a blocked channel, with its gate. */
    private static final class Held {
        final int gate;
        final BufferOrEvent bufferOrEvent;

        Held(int gate, BufferOrEvent bufferOrEvent) {
            this.gate = gate;
            this.bufferOrEvent = bufferOrEvent;
        }
    }

    public StreamTaskInput(List<InputGate> inputGates, TypeSerializer<T> valueSerializer) {
        this(inputGates, valueSerializer, null);
    }

    /** An input whose checkpoint barriers go to {@code barrierHandler} (shared by the inputs of a two-input task). */
    @SuppressWarnings("unchecked")
    public StreamTaskInput(List<InputGate> inputGates, TypeSerializer<T> valueSerializer,
            CheckpointBarrierHandler barrierHandler) {
        this.gates = inputGates.toArray(new InputGate[0]);
        this.deserializers = new RecordDeserializer[gates.length][];
        this.channelWatermarks = new long[gates.length][];
        this.channelIdle = new boolean[gates.length][];
        this.gateFinished = new boolean[gates.length];
        for (int g = 0; g < gates.length; g++) {
            int channels = gates[g].getNumberOfInputChannels();
            deserializers[g] = new RecordDeserializer[channels];
            channelWatermarks[g] = new long[channels];
            channelIdle[g] = new boolean[channels];
            for (int c = 0; c < channels; c++) {
                deserializers[g][c] = new SpanningRecordDeserializer<>();
                channelWatermarks[g][c] = Long.MIN_VALUE;
            }
        }
        this.delegate = new ElementDelegate<>(new StreamElementSerializer<>(valueSerializer));
        this.barrierHandler = barrierHandler;
        this.lastBarrier = new long[gates.length][];
        this.blocked = new boolean[gates.length][];
        this.recording = new io.freshet.core.memory.DataOutputSerializer[gates.length][];
        this.endedChannels = new boolean[gates.length][];
        this.channelStopped = new boolean[gates.length][];
        int channels = 0;
        for (int g = 0; g < gates.length; g++) {
            lastBarrier[g] = new long[gates[g].getNumberOfInputChannels()];
            java.util.Arrays.fill(lastBarrier[g], -1);
            blocked[g] = new boolean[gates[g].getNumberOfInputChannels()];
            recording[g] = new io.freshet.core.memory.DataOutputSerializer[gates[g].getNumberOfInputChannels()];
            endedChannels[g] = new boolean[gates[g].getNumberOfInputChannels()];
            channelStopped[g] = new boolean[gates[g].getNumberOfInputChannels()];
            channels += gates[g].getNumberOfInputChannels();
        }
        this.checkPriority = barrierHandler != null && barrierHandler.isUnalignedEnabled();
        this.totalChannels = channels;
        if (barrierHandler != null) {
            barrierHandler.register(this, gates.length, channels);
        }
    }

    int getNumberOfGates() {
        return gates.length;
    }

    int getNumberOfChannels(int gate) {
        return gates[gate].getNumberOfInputChannels();
    }

    /**
     * Restores the in-flight data of an unaligned checkpoint (by gate and channel; nulls for none): it is read
     * before anything the gates deliver, each channel's bytes through that channel's deserializer, so that a record
     * cut by the checkpoint continues with the first bytes its producer sends again.
     */
    void restoreInFlight(byte[][][] data) {
        for (int g = 0; g < data.length && g < gates.length; g++) {
            if (data[g] == null) {
                continue;
            }
            for (int c = 0; c < data[g].length && c < gates[g].getNumberOfInputChannels(); c++) {
                byte[] bytes = data[g][c];
                if (bytes != null && bytes.length > 0) {
                    io.freshet.runtime.io.network.buffer.Buffer buffer =
                            new io.freshet.runtime.io.network.buffer.NetworkBuffer(
                                    io.freshet.core.memory.MemorySegmentFactory.wrap(bytes),
                                    io.freshet.runtime.io.network.buffer.BufferRecycler.DeallocatingRecycler.INSTANCE,
                                    io.freshet.runtime.io.network.buffer.Buffer.DataType.DATA_BUFFER, bytes.length);
                    released.add(new Held(g, new BufferOrEvent(buffer, c)));
                }
            }
        }
    }

    /** Starts recording, for checkpoint {@code checkpointId}, every channel of {@code gate} without its barrier. */
    void startRecordingChannelsWithoutBarrier(int gate, long checkpointId) {
        for (int c = 0; c < recording[gate].length; c++) {
            if (lastBarrier[gate][c] != checkpointId && !channelEnded(gate, c)) {
                io.freshet.core.memory.DataOutputSerializer out = new io.freshet.core.memory.DataOutputSerializer(256);
                byte[] unfinished = deserializers[gate][c].copyUnfinishedRecord();
                if (unfinished != null) {
                    out.write(unfinished);
                }
                recording[gate][c] = out;
            }
        }
    }

    /** The channel's recorded in-flight bytes (null: none), and stops recording it. */
    byte[] stopRecording(int gate, int channel) {
        io.freshet.core.memory.DataOutputSerializer out = recording[gate][channel];
        recording[gate][channel] = null;
        return out == null || out.length() == 0 ? null : out.getCopyOfBuffer();
    }

    void stopAllRecordings() {
        for (io.freshet.core.memory.DataOutputSerializer[] gate : recording) {
            java.util.Arrays.fill(gate, null);
        }
    }

    private boolean channelEnded(int gate, int channel) {
        return endedChannels[gate][channel];
    }

    void markBarrier(int gate, int channel, long checkpointId, boolean block) {
        lastBarrier[gate][channel] = checkpointId;
        blocked[gate][channel] = block;
    }

    long lastBarrier(int gate, int channel) {
        return lastBarrier[gate][channel];
    }

    /** Alignment ended: blocked channels are read again, what they held first. */
    void unblockAll() {
        for (boolean[] gate : blocked) {
            java.util.Arrays.fill(gate, false);
        }
        if (!held.isEmpty()) {
            // what was released earlier and not read yet stays ahead of it
            released.addAll(held);
            held.clear();
        }
    }

    /**
     * True when every channel ended because its producer was stopped with a savepoint without draining: the task
     * ends the same way (operators not finished).
     */
    public boolean isStopped() {
        return stoppedChannels == totalChannels;
    }

    /** True once every gate has ended and everything was read. */
    public boolean isFinished() {
        return current == null && finishedGates == gates.length && held.isEmpty() && released.isEmpty();
    }

    /**
     * The next record or (aligned) watermark available now, or null when nothing is available (or everything has
     * ended: check {@link #isFinished()}).
     */
    public StreamElement pollNext() throws IOException {
        while (true) {
            if (current != null) {
                if (checkPriority && priorityEventPending()) {
                    takePriorityEvents();
                }
                RecordDeserializer.DeserializationResult result = current.getNextRecord(delegate);
                if (result.isBufferConsumed()) {
                    current = null;
                }
                if (result.isFullRecord()) {
                    StreamElement element = delegate.getInstance();
                    if (element.isRecord()) {
                        return element;
                    }
                    if (element.isWatermarkStatus()) {
                        onWatermarkStatus(currentGate, currentChannel, element.asWatermarkStatus());
                        if (!pending.isEmpty()) {
                            return pending.poll();
                        }
                        continue;
                    }
                    Watermark aligned = onWatermark(currentGate, currentChannel, element.asWatermark().getTimestamp());
                    if (aligned != null) {
                        return aligned;
                    }
                }
                continue;
            }
            if (!pending.isEmpty()) {
                return pending.poll();
            }
            boolean progress = pollGates();
            if (!pending.isEmpty()) {
                return pending.poll();
            }
            if (!progress) {
                return null;
            }
        }
    }

    private boolean priorityEventPending() {
        for (InputGate gate : gates) {
            if (gate.hasPriorityEvent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An unaligned barrier waits: it is handled now, between two records of the current buffer, rather than after
     * the buffer (which a slow task may take long to finish). What the gate hands out before it is kept, in order,
     * to be read after the current buffer.
     */
    private void takePriorityEvents() throws IOException {
        for (int g = 0; g < gates.length; g++) {
            while (gates[g].hasPriorityEvent()) {
                Optional<BufferOrEvent> next = gates[g].pollNext();
                if (next.isEmpty()) {
                    break;
                }
                BufferOrEvent bufferOrEvent = next.get();
                if (bufferOrEvent.isEvent()
                        && bufferOrEvent.getEvent() instanceof io.freshet.runtime.checkpoint.CheckpointBarrier
                        && ((io.freshet.runtime.checkpoint.CheckpointBarrier) bufferOrEvent.getEvent()).isUnaligned()) {
                    take(g, bufferOrEvent);
                } else {
                    released.add(new Held(g, bufferOrEvent));
                }
            }
        }
    }

    /** Takes the next buffer of some gate (round robin); false when none has one now. */
    private boolean pollGates() throws IOException {
        Held again = released.poll();
        if (again != null) {
            return take(again.gate, again.bufferOrEvent);
        }
        for (int i = 0; i < gates.length; i++) {
            int g = (nextGate + i) % gates.length;
            if (gateFinished[g]) {
                continue;
            }
            Optional<BufferOrEvent> next = gates[g].pollNext();
            if (next.isEmpty()) {
                if (gates[g].isFinished() && held.isEmpty() && released.isEmpty()) {
                    markGateFinished(g);
                }
                continue;
            }
            nextGate = (g + 1) % gates.length;
            return take(g, next.get());
        }
        return false;
    }

    private void markGateFinished(int g) {
        if (!gateFinished[g]) {
            gateFinished[g] = true;
            finishedGates++;
        }
    }

    /** Reads a buffer or event of gate {@code g}: a buffer becomes the current one, an event is handled. */
    private boolean take(int g, BufferOrEvent bufferOrEvent) throws IOException {
        {
            int channel = bufferOrEvent.getChannelIndex();
            if (blocked[g][channel]) {
                held.add(new Held(g, bufferOrEvent));
                return true;
            }
            if (bufferOrEvent.isBuffer()) {
                io.freshet.core.memory.DataOutputSerializer record = recording[g][channel];
                if (record != null) {
                    io.freshet.runtime.io.network.buffer.Buffer buffer = bufferOrEvent.getBuffer();
                    record.write(buffer.getMemorySegment(), buffer.getReaderIndex(), buffer.readableBytes());
                }
                current = deserializers[g][channel];
                currentGate = g;
                currentChannel = channel;
                current.setNextBuffer(bufferOrEvent.getBuffer());
                return true;
            }
            boolean barrier = bufferOrEvent.getEvent() instanceof io.freshet.runtime.checkpoint.CheckpointBarrier;
            if (deserializers[g][channel].hasUnfinishedData() && !(barrier
                    && ((io.freshet.runtime.checkpoint.CheckpointBarrier) bufferOrEvent.getEvent()).isUnaligned())) {
                // only a priority barrier may overtake the rest of a record
                throw new IOException("Input " + g + ", channel " + channel + " sent " + bufferOrEvent.getEvent()
                        + " in the middle of a record");
            }
            if (bufferOrEvent.getEvent() instanceof io.freshet.runtime.io.network.api.EndOfDataEvent) {
                // the producer was stopped with a savepoint without draining: its end is no end of event time
                if (!channelStopped[g][channel]) {
                    channelStopped[g][channel] = true;
                    stoppedChannels++;
                }
                return true;
            }
            if (barrier) {
                if (barrierHandler != null) {
                    barrierHandler.onBarrier(this, g, channel,
                            (io.freshet.runtime.checkpoint.CheckpointBarrier) bufferOrEvent.getEvent(),
                            bufferOrEvent.getOvertakenData());
                }
                return true;
            }
            // end of partition: the channel no longer holds event time (or a checkpoint) back
            endedChannels[g][channel] = true;
            if (!channelStopped[g][channel]) {
                channelIdle[g][channel] = false;
                Watermark due = onWatermark(g, channel, Long.MAX_VALUE);
                if (due != null) {
                    pending.add(due);
                }
            }
            if (barrierHandler != null) {
                barrierHandler.onChannelEnded(this, g, channel);
            }
            if (gates[g].isFinished() && held.isEmpty() && released.isEmpty()) {
                markGateFinished(g);
            }
            return true;
        }
    }

    private Watermark onWatermark(int gate, int channel, long timestamp) {
        if (timestamp <= channelWatermarks[gate][channel]) {
            return null;
        }
        channelWatermarks[gate][channel] = timestamp;
        return alignedWatermark();
    }

    /** The minimum over the channels that are not idle, if it rose; null when it did not (or all are idle). */
    private Watermark alignedWatermark() {
        long minimum = Long.MAX_VALUE;
        boolean anyActive = false;
        for (int g = 0; g < channelWatermarks.length; g++) {
            for (int c = 0; c < channelWatermarks[g].length; c++) {
                if (!channelIdle[g][c]) {
                    anyActive = true;
                    minimum = Math.min(minimum, channelWatermarks[g][c]);
                }
            }
        }
        if (anyActive && minimum > emittedWatermark) {
            emittedWatermark = minimum;
            return minimum == Long.MAX_VALUE ? Watermark.MAX_WATERMARK : new Watermark(minimum);
        }
        return null;
    }

    /**
     * A channel turned idle or active: an idle channel stops holding the watermark back (which may rise now); the
     * input turns idle when every channel that has not ended is idle, and active again with the first active one.
     */
    private void onWatermarkStatus(int gate, int channel, WatermarkStatus status) {
        if (channelIdle[gate][channel] == status.isIdle()) {
            return;
        }
        channelIdle[gate][channel] = status.isIdle();
        boolean allIdle = true;
        for (int g = 0; g < channelWatermarks.length && allIdle; g++) {
            for (int c = 0; c < channelWatermarks[g].length; c++) {
                if (!channelIdle[g][c] && channelWatermarks[g][c] != Long.MAX_VALUE) {
                    allIdle = false;
                    break;
                }
            }
        }
        if (status.isIdle()) {
            Watermark due = alignedWatermark();
            if (due != null) {
                pending.add(due);
            }
        }
        if (allIdle != inputIdle) {
            inputIdle = allIdle;
            pending.add(allIdle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        }
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
        for (java.util.ArrayDeque<Held> queue : java.util.List.of(held, released)) {
            Held item;
            while ((item = queue.poll()) != null) {
                if (item.bufferOrEvent.isBuffer()) {
                    item.bufferOrEvent.getBuffer().recycleBuffer();
                }
            }
        }
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
