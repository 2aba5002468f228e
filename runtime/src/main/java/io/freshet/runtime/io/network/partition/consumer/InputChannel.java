package io.freshet.runtime.io.network.partition.consumer;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.freshet.runtime.io.network.partition.BufferAndBacklog;
import io.freshet.runtime.io.network.partition.PartitionException;
import io.freshet.runtime.io.network.partition.ProducerFailedException;
import io.freshet.runtime.io.network.partition.ResultPartitionID;

/**
 * One input of a {@link SingleInputGate}: reads one subpartition of one producer's partition.
 *
 * <p>Laws: a channel tells its gate through {@link #notifyChannelNonEmpty()} whenever it goes from "nothing to
 * read" to "something to read" (or failed); the gate then calls {@link #getNextBuffer()} on its own thread and asks
 * again without a new notification as long as {@link BufferAndBacklog#isMoreAvailable()} says so. An error set by
 * any thread is thrown by the next {@link #getNextBuffer()}, wrapped in a {@link PartitionException} that names the
 * partition and the producer's address; except a {@link ProducerFailedException} (the producer failed or was
 * cancelled), which is thrown as it is, so that the consumer ends CANCELED instead of failing in its own name.
 *
 * <p>A producer deployed at the same time as its consumer may not have registered its partition yet when the
 * consumer asks for it: a "partition not found" answer is retried after {@code request-backoff.initial} ms, the
 * wait doubling up to {@code request-backoff.max} ms; only then does the channel fail.
 */
public abstract class InputChannel {

    protected final SingleInputGate inputGate;
    protected final int channelIndex;
    protected final ResultPartitionID partitionId;
    protected final int subpartitionIndex;
    protected final String producerAddress;

    private final int initialBackoffMillis;
    private final int maxBackoffMillis;
    /** The wait before the last retry, 0 before the first; only the thread handling a failed request touches it. */
    private int currentBackoffMillis;

    private volatile Throwable cause;

    protected InputChannel(SingleInputGate inputGate, int channelIndex, ResultPartitionID partitionId,
            int subpartitionIndex, String producerAddress, int initialBackoffMillis, int maxBackoffMillis) {
        this.inputGate = inputGate;
        this.channelIndex = channelIndex;
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
        this.producerAddress = producerAddress;
        this.initialBackoffMillis = initialBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
    }

    /** Starts reading (asks the producer's TaskExecutor for the subpartition). Called once by the gate. */
    abstract void requestSubpartition() throws IOException;

    /** The next buffer, or null when none is there now. */
    abstract BufferAndBacklog getNextBuffer() throws IOException;

    /** Stops reading and gives back every buffer held. Idempotent. */
    abstract void releaseAllResources();

    /**
     * Runs {@code request} again after the next backoff, if the backoff has not reached its maximum yet.
     *
     * @return false when the channel gave up (its caller then fails it)
     */
    protected final boolean retryAfterBackoff(Runnable request) {
        int next = currentBackoffMillis == 0 ? initialBackoffMillis : 2 * currentBackoffMillis;
        if (initialBackoffMillis <= 0 || next > maxBackoffMillis) {
            return false;
        }
        currentBackoffMillis = next;
        CompletableFuture.delayedExecutor(next, TimeUnit.MILLISECONDS).execute(request);
        return true;
    }

    /** The wait before the latest retry of the partition request, 0 if there was none. */
    public int getCurrentBackoffMillis() {
        return currentBackoffMillis;
    }

    protected final void notifyChannelNonEmpty() {
        inputGate.notifyChannelNonEmpty(this);
    }

    /** A priority event is at the head of this channel: the gate reads this channel next. */
    protected final void notifyGateOfPriorityEvent() {
        inputGate.notifyPriorityEvent(this);
    }

    /**
     * Called by the gate right after it read a priority event from this channel: a copy of the data buffers the
     * event overtook in this channel's own queue (they are still queued behind it), or null when it overtook none.
     */
    byte[] takeOvertakenData() {
        return null;
    }

    /** Records the first error and wakes the gate, whose next read of this channel throws it. */
    protected final void setError(Throwable error) {
        if (cause == null) {
            cause = error;
        }
        notifyChannelNonEmpty();
    }

    protected final void checkError() throws IOException {
        Throwable error = cause;
        if (error instanceof ProducerFailedException) {
            // not this consumer's failure: it ends CANCELED, its producer reports the failure
            throw (ProducerFailedException) error;
        }
        if (error != null) {
            throw new PartitionException("Input channel " + channelIndex + " of " + inputGate.getOwningTaskName()
                    + " failed reading subpartition " + subpartitionIndex + " of partition " + partitionId
                    + " from the producer at " + producerAddress + ": " + error.getMessage(), partitionId, error);
        }
    }

    protected final boolean hasError() {
        return cause != null;
    }

    public int getChannelIndex() {
        return channelIndex;
    }

    public int getSubpartitionIndex() {
        return subpartitionIndex;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public String getProducerAddress() {
        return producerAddress;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + channelIndex + ", " + partitionId + "#" + subpartitionIndex
                + " @ " + producerAddress + "]";
    }
}
