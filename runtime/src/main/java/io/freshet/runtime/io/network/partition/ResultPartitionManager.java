package io.freshet.runtime.io.network.partition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.JobID;

/**
 * The result partitions a TaskExecutor holds, by {@link ResultPartitionID}: local input channels and the Netty
 * server find subpartitions here.
 *
 * <p>Laws: a partition is registered once; it leaves the manager exactly when it is released, which happens when
 * a pipelined partition has been consumed by all its readers, when its producer fails, when it is released
 * explicitly, when its job ends ({@link #releasePartitionsOfJob}), or when the manager shuts down. Lookups of a
 * partition not (or no longer) registered fail with {@link PartitionNotFoundException}. Thread-safe; the monitor
 * is taken per lookup, never per buffer, and partitions are released outside it.
 */
public final class ResultPartitionManager implements AutoCloseable {

    private final Map<ResultPartitionID, ResultPartition> registeredPartitions = new HashMap<>();
    private boolean shutdown;

    public void registerResultPartition(ResultPartition partition) {
        synchronized (registeredPartitions) {
            if (shutdown) {
                throw new IllegalStateException("the result partition manager has been shut down");
            }
            ResultPartition previous = registeredPartitions.putIfAbsent(partition.getPartitionId(), partition);
            if (previous != null) {
                throw new IllegalStateException("Result partition " + partition.getPartitionId()
                        + " is already registered (by " + previous.getOwningTaskName() + ")");
            }
        }
    }

    /**
     * A reader of subpartition {@code subpartitionIndex} of a registered partition.
     *
     * @throws PartitionNotFoundException when the partition is not registered here
     */
    public ResultSubpartitionView createSubpartitionView(ResultPartitionID partitionId, int subpartitionIndex,
            BufferAvailabilityListener availabilityListener) throws IOException {
        ResultPartition partition;
        synchronized (registeredPartitions) {
            partition = registeredPartitions.get(partitionId);
        }
        if (partition == null) {
            throw new PartitionNotFoundException(partitionId);
        }
        return partition.createSubpartitionView(subpartitionIndex, availabilityListener);
    }

    /** Releases and forgets a partition; {@code cause} (may be null) is what its readers see. */
    public void releasePartition(ResultPartitionID partitionId, Throwable cause) {
        ResultPartition partition;
        synchronized (registeredPartitions) {
            partition = registeredPartitions.remove(partitionId);
        }
        if (partition != null) {
            partition.release(cause);
        }
    }

    /** Releases every partition of {@code jobId} (the job ended, or the TaskExecutor lost its JobMaster). */
    public void releasePartitionsOfJob(JobID jobId) {
        List<ResultPartition> toRelease = new ArrayList<>();
        synchronized (registeredPartitions) {
            registeredPartitions.values().removeIf(partition -> {
                if (partition.getJobId().equals(jobId)) {
                    toRelease.add(partition);
                    return true;
                }
                return false;
            });
        }
        for (ResultPartition partition : toRelease) {
            partition.release(null);
        }
    }

    /** Called by a pipelined partition whose every subpartition has been consumed. */
    void onConsumedPartition(ResultPartition partition) {
        synchronized (registeredPartitions) {
            registeredPartitions.remove(partition.getPartitionId(), partition);
        }
        partition.release(null);
    }

    public boolean isRegistered(ResultPartitionID partitionId) {
        synchronized (registeredPartitions) {
            return registeredPartitions.containsKey(partitionId);
        }
    }

    public int getNumberOfRegisteredPartitions() {
        synchronized (registeredPartitions) {
            return registeredPartitions.size();
        }
    }

    /** Releases every partition; later registrations fail. Idempotent. */
    @Override
    public void close() {
        List<ResultPartition> toRelease;
        synchronized (registeredPartitions) {
            shutdown = true;
            toRelease = new ArrayList<>(registeredPartitions.values());
            registeredPartitions.clear();
        }
        for (ResultPartition partition : toRelease) {
            partition.release(null);
        }
    }
}
