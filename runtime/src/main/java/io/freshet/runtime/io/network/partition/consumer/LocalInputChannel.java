package io.freshet.runtime.io.network.partition.consumer;

import java.io.IOException;

import io.freshet.runtime.io.network.partition.BufferAndBacklog;
import io.freshet.runtime.io.network.partition.BufferAvailabilityListener;
import io.freshet.runtime.io.network.partition.PartitionException;
import io.freshet.runtime.io.network.partition.PartitionNotFoundException;
import io.freshet.runtime.io.network.partition.ProducerFailedException;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.ResultPartitionManager;
import io.freshet.runtime.io.network.partition.ResultSubpartitionView;

/**
 * Reads a subpartition of a producer on the same TaskExecutor straight from its {@link ResultPartitionManager}: the
 * producer's buffers reach the consumer as they are, without copy, and go back to the producer's pool when the
 * consumer recycles them.
 */
public final class LocalInputChannel extends InputChannel implements BufferAvailabilityListener {

    private final ResultPartitionManager partitionManager;
    private volatile ResultSubpartitionView subpartitionView;
    private volatile boolean released;

    public LocalInputChannel(SingleInputGate inputGate, int channelIndex, ResultPartitionID partitionId,
            int subpartitionIndex, ResultPartitionManager partitionManager, int initialBackoffMillis,
            int maxBackoffMillis) {
        super(inputGate, channelIndex, partitionId, subpartitionIndex, "local", initialBackoffMillis,
                maxBackoffMillis);
        this.partitionManager = partitionManager;
    }

    @Override
    void requestSubpartition() {
        try {
            subpartitionView = partitionManager.createSubpartitionView(partitionId, subpartitionIndex, this);
        } catch (PartitionNotFoundException e) {
            // the producer, deployed with this task, may not have registered its partition yet
            if (!retryAfterBackoff(this::retryRequest)) {
                setError(e);
            }
        } catch (IOException | RuntimeException e) {
            setError(e);
        }
    }

    private void retryRequest() {
        if (released) {
            return;
        }
        requestSubpartition();
        if (subpartitionView != null) {
            // data may have arrived before the view existed: let the gate look
            notifyChannelNonEmpty();
        }
    }

    @Override
    public void notifyDataAvailable() {
        notifyChannelNonEmpty();
    }

    /** The producer put a priority event at the head of its subpartition (it kept what the event overtook). */
    @Override
    public void notifyPriorityEvent() {
        notifyGateOfPriorityEvent();
    }

    @Override
    BufferAndBacklog getNextBuffer() throws IOException {
        checkError();
        ResultSubpartitionView view = subpartitionView;
        if (view == null) {
            return null;
        }
        BufferAndBacklog next = view.getNextBuffer();
        if (next == null && view.isReleased()) {
            Throwable failure = view.getFailureCause();
            setError(failure != null ? new ProducerFailedException(partitionId, failure)
                    : new PartitionException("the partition was released before this channel read its end",
                            partitionId));
            checkError();
        }
        return next;
    }

    @Override
    void releaseAllResources() {
        released = true;
        ResultSubpartitionView view = subpartitionView;
        if (view != null) {
            view.releaseAllResources();
        }
    }
}
