package io.freshet.streaming.runtime.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.freshet.runtime.checkpoint.CheckpointBarrier;

/**
 * Decides when a task with inputs takes its part of a checkpoint: when the checkpoint's barrier has arrived on every
 * channel of all its inputs (one handler is shared by the inputs of a two-input task). Channels that have ended do
 * not count.
 *
 * <p>Exactly-once: a channel that delivered the barrier is blocked (its further buffers are held, unread, which
 * backpressures its producer through the network's credits) until the barrier has arrived on all the others, so the
 * snapshot holds exactly the records before the barrier. At-least-once: nothing is blocked; records that overtake
 * are in the snapshot and will be read again after a restore.
 *
 * <p>A barrier of a newer checkpoint while one is still aligning aborts the older one. Task thread only.
 */
public final class CheckpointBarrierHandler {

    /** What the task does when a checkpoint is aligned, or given up. */
    public interface Target {
        /** Snapshot and send the barrier on (it arrived on every channel). */
        void triggerOnBarrier(CheckpointBarrier barrier) throws IOException;

        /** The alignment of {@code checkpointId} was given up (a newer checkpoint's barrier came first). */
        void abortOnBarrier(long checkpointId, String reason) throws IOException;
    }

    private final boolean exactlyOnce;
    private final Target target;
    private final List<StreamTaskInput<?>> inputs = new ArrayList<>();
    private int totalChannels;
    private int endedChannels;
    private CheckpointBarrier current;
    private int received;
    private boolean aligning;

    public CheckpointBarrierHandler(boolean exactlyOnce, Target target) {
        this.exactlyOnce = exactlyOnce;
        this.target = target;
    }

    void register(StreamTaskInput<?> input, int channels) {
        inputs.add(input);
        totalChannels += channels;
    }

    /** Channel {@code channel} of {@code gate} of {@code input} delivered {@code barrier}. */
    void onBarrier(StreamTaskInput<?> input, int gate, int channel, CheckpointBarrier barrier) throws IOException {
        long id = barrier.getId();
        long currentId = current == null ? -1 : current.getId();
        if (id < currentId || (id == currentId && !aligning)) {
            return; // the barrier of a checkpoint given up (or done) already
        }
        if (id > currentId) {
            if (aligning) {
                long abandoned = currentId;
                releaseAll();
                target.abortOnBarrier(abandoned, "the barrier of checkpoint " + id + " arrived first");
            }
            current = barrier;
            received = 0;
            aligning = true;
        }
        input.markBarrier(gate, channel, id, exactlyOnce);
        received++;
        completeIfAligned();
    }

    /** A channel ended: it no longer holds a checkpoint back. */
    void onChannelEnded(StreamTaskInput<?> input, int gate, int channel) throws IOException {
        endedChannels++;
        if (aligning && input.lastBarrier(gate, channel) == current.getId()) {
            received--;
        }
        completeIfAligned();
    }

    private void completeIfAligned() throws IOException {
        if (aligning && received >= totalChannels - endedChannels) {
            aligning = false;
            try {
                target.triggerOnBarrier(current);
            } finally {
                releaseAll();
            }
        }
    }

    private void releaseAll() {
        for (StreamTaskInput<?> input : inputs) {
            input.unblockAll();
        }
    }

    /** Whether a checkpoint is aligning now (for tests). */
    boolean isAligning() {
        return aligning;
    }
}
