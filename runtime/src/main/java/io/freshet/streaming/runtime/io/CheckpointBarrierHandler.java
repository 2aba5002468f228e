package io.freshet.streaming.runtime.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.freshet.runtime.checkpoint.CheckpointBarrier;

/**
 * Decides when a task with inputs takes its part of a checkpoint (one handler is shared by the inputs of a two-input
 * task). Channels that have ended do not count.
 *
 * <p>Aligned, exactly-once: the task snapshots when the checkpoint's barrier has arrived on every channel; a channel
 * that delivered the barrier is blocked meanwhile (its further buffers are held, unread, which backpressures its
 * producer through the network's credits), so the snapshot holds exactly the records before the barrier.
 * At-least-once: nothing is blocked; records that overtake are in the snapshot and will be read again after a
 * restore.
 *
 * <p>Unaligned ({@code execution.checkpointing.unaligned.enabled}, exactly-once only, never for savepoints): the task
 * snapshots at the <em>first</em> barrier, sends the barrier on at once as a priority event, and keeps processing
 * every channel; until a channel's own barrier arrives, the buffers it delivers are processed and also copied into
 * the checkpoint as in-flight data (with what the barrier overtook in the channel's queue and the unfinished record
 * in its deserializer). When every channel's barrier has arrived, the in-flight data is complete and the task
 * acknowledges. With {@code execution.checkpointing.aligned-checkpoint-timeout} a checkpoint starts aligned and
 * switches to unaligned when its alignment has lasted that long since the checkpoint started (or when an unaligned
 * barrier of it arrives from a task upstream that switched); buffers held for channels that delivered the barrier
 * are then released: they come after the barrier and are not in-flight data.
 *
 * <p>A barrier of a newer checkpoint while one is still aligning (or collecting in-flight data) aborts the older one.
 * Task thread only.
 */
public final class CheckpointBarrierHandler {

    /** What the task does when a checkpoint is aligned, or given up. */
    public interface Target {
        /** Snapshot, send the barrier on and acknowledge (it arrived on every channel). */
        void triggerOnBarrier(CheckpointBarrier barrier) throws IOException;

        /**
         * Snapshot and send the (unaligned) barrier on as a priority event; the acknowledgement waits for
         * {@link #inputsComplete}.
         */
        void triggerUnaligned(CheckpointBarrier barrier) throws IOException;

        /** Every channel delivered the barrier of unaligned checkpoint {@code checkpointId}: acknowledge it. */
        void inputsComplete(long checkpointId, byte[][][] inFlightInputs) throws IOException;

        /** Checkpoint {@code checkpointId} was given up (a newer checkpoint's barrier came first). */
        void abortOnBarrier(long checkpointId, String reason) throws IOException;

        /** Calls {@code action} in the task thread at {@code timestamp} (epoch millis), unless the task ended. */
        void registerTimer(long timestamp, Runnable action);
    }

    private enum State { IDLE, ALIGNING, UNALIGNED }

    private final boolean exactlyOnce;
    private final boolean unalignedEnabled;
    private final long alignedTimeoutMillis;
    private final Target target;
    private final List<StreamTaskInput<?>> inputs = new ArrayList<>();
    /** The global index of each input's first gate. */
    private final List<Integer> gateOffsets = new ArrayList<>();
    private int totalGates;
    private int totalChannels;
    private int endedChannels;
    private CheckpointBarrier current;
    private int received;
    private State state = State.IDLE;
    /** While UNALIGNED: the in-flight bytes of each channel whose barrier arrived, by global gate and channel. */
    private byte[][][] inFlight;
    /** In-flight input data of the checkpoint the task restores (by global gate), handed to inputs as they register. */
    private final byte[][][] restoredInputs;

    /** A handler for aligned (or at-least-once) checkpoints only. */
    public CheckpointBarrierHandler(boolean exactlyOnce, Target target) {
        this(exactlyOnce, false, 0, null, target);
    }

    /**
     * @param unalignedEnabled whether checkpoints (not savepoints) may be taken unaligned (exactly-once only)
     * @param alignedTimeoutMillis with unaligned enabled: how long after its start a checkpoint stays aligned
     * @param restoredInputs in-flight input data to read first, by global gate and channel; may be null
     */
    public CheckpointBarrierHandler(boolean exactlyOnce, boolean unalignedEnabled, long alignedTimeoutMillis,
            byte[][][] restoredInputs, Target target) {
        this.exactlyOnce = exactlyOnce;
        this.unalignedEnabled = exactlyOnce && unalignedEnabled;
        this.alignedTimeoutMillis = alignedTimeoutMillis;
        this.restoredInputs = restoredInputs;
        this.target = target;
    }

    void register(StreamTaskInput<?> input, int gates, int channels) {
        inputs.add(input);
        gateOffsets.add(totalGates);
        if (restoredInputs != null) {
            byte[][][] own = new byte[gates][][];
            for (int g = 0; g < gates && totalGates + g < restoredInputs.length; g++) {
                own[g] = restoredInputs[totalGates + g];
            }
            input.restoreInFlight(own);
        }
        totalGates += gates;
        totalChannels += channels;
    }

    /**
     * Channel {@code channel} of {@code gate} of {@code input} delivered {@code barrier}; {@code overtaken} is what
     * a priority barrier overtook in that channel's queue (null: nothing).
     */
    void onBarrier(StreamTaskInput<?> input, int gate, int channel, CheckpointBarrier barrier, byte[] overtaken)
            throws IOException {
        long id = barrier.getId();
        long currentId = current == null ? -1 : current.getId();
        if (id < currentId || (id == currentId && state == State.IDLE)) {
            return; // the barrier of a checkpoint given up (or done) already
        }
        if (id > currentId) {
            if (state != State.IDLE) {
                abandon("the barrier of checkpoint " + id + " arrived first");
            }
            current = barrier;
            received = 0;
            if (takesUnaligned(barrier)) {
                startUnaligned();
            } else {
                state = State.ALIGNING;
                if (unalignedEnabled && barrier.getAlignment() == CheckpointBarrier.Alignment.ALIGNED_WITH_TIMEOUT) {
                    target.registerTimer(barrier.getTimestamp() + alignedTimeoutMillis, () -> onAlignmentTimeout(id));
                }
            }
        } else if (state == State.ALIGNING && barrier.isUnaligned() && unalignedEnabled) {
            startUnaligned(); // a task upstream switched to unaligned
        }
        received++;
        if (state == State.ALIGNING) {
            input.markBarrier(gate, channel, id, exactlyOnce);
            completeIfAligned();
        } else {
            input.markBarrier(gate, channel, id, false);
            byte[] recorded = input.stopRecording(gate, channel);
            inFlight[globalGate(input, gate)][channel] = concat(recorded, overtaken);
            completeIfAllArrived();
        }
    }

    private boolean takesUnaligned(CheckpointBarrier barrier) {
        if (!unalignedEnabled) {
            return false;
        }
        switch (barrier.getAlignment()) {
            case UNALIGNED:
                return true;
            case ALIGNED_WITH_TIMEOUT:
                return System.currentTimeMillis() - barrier.getTimestamp() >= alignedTimeoutMillis;
            default:
                return false;
        }
    }

    /** The alignment of the current checkpoint lasted too long: it goes on unaligned. */
    private void onAlignmentTimeout(long checkpointId) {
        if (state != State.ALIGNING || current.getId() != checkpointId) {
            return;
        }
        try {
            startUnaligned();
            completeIfAllArrived();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Snapshot now and send the barrier on as a priority event; channels without the barrier yet record their
     * in-flight data from here on; channels blocked while aligning are released.
     */
    private void startUnaligned() throws IOException {
        state = State.UNALIGNED;
        current = current.withAlignment(CheckpointBarrier.Alignment.UNALIGNED);
        inFlight = new byte[totalGates][][];
        long id = current.getId();
        for (int i = 0; i < inputs.size(); i++) {
            StreamTaskInput<?> input = inputs.get(i);
            int gates = input.getNumberOfGates();
            for (int g = 0; g < gates; g++) {
                inFlight[gateOffsets.get(i) + g] = new byte[input.getNumberOfChannels(g)][];
                input.startRecordingChannelsWithoutBarrier(g, id);
            }
        }
        releaseAll();
        target.triggerUnaligned(current);
    }

    /** A channel ended: it no longer holds a checkpoint back. */
    void onChannelEnded(StreamTaskInput<?> input, int gate, int channel) throws IOException {
        endedChannels++;
        if (state == State.IDLE) {
            return;
        }
        if (input.lastBarrier(gate, channel) == current.getId()) {
            received--;
        } else if (state == State.UNALIGNED) {
            // everything it sent came before the barrier it will never send
            inFlight[globalGate(input, gate)][channel] = input.stopRecording(gate, channel);
        }
        if (state == State.ALIGNING) {
            completeIfAligned();
        } else {
            completeIfAllArrived();
        }
    }

    private void completeIfAligned() throws IOException {
        if (state == State.ALIGNING && received >= totalChannels - endedChannels) {
            state = State.IDLE;
            try {
                target.triggerOnBarrier(current);
            } finally {
                releaseAll();
            }
        }
    }

    private void completeIfAllArrived() throws IOException {
        if (state == State.UNALIGNED && received >= totalChannels - endedChannels) {
            state = State.IDLE;
            byte[][][] data = inFlight;
            inFlight = null;
            target.inputsComplete(current.getId(), data);
        }
    }

    /** Gives the current checkpoint up: releases blocked channels, drops recorded data. */
    private void abandon(String reason) throws IOException {
        long abandoned = current.getId();
        State was = state;
        state = State.IDLE;
        inFlight = null;
        for (StreamTaskInput<?> input : inputs) {
            input.stopAllRecordings();
        }
        if (was == State.ALIGNING) {
            releaseAll();
        }
        target.abortOnBarrier(abandoned, reason);
    }

    private void releaseAll() {
        for (StreamTaskInput<?> input : inputs) {
            input.unblockAll();
        }
    }

    private int globalGate(StreamTaskInput<?> input, int gate) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == input) {
                return gateOffsets.get(i) + gate;
            }
        }
        throw new IllegalArgumentException("input not registered with this handler");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Whether checkpoints may be taken unaligned (priority barriers may arrive). */
    boolean isUnalignedEnabled() {
        return unalignedEnabled;
    }

    /** Whether a checkpoint is aligning now (for tests). */
    boolean isAligning() {
        return state == State.ALIGNING;
    }

    /** Whether an unaligned checkpoint is collecting in-flight data now (for tests). */
    boolean isCollectingInFlightData() {
        return state == State.UNALIGNED;
    }
}
