package io.freshet.runtime.io.network.partition;

import java.io.File;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobID;
import io.freshet.runtime.execution.CancelTaskException;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferPool;
import io.freshet.runtime.io.network.buffer.BufferProvider;

/**
 * The output of one producing task attempt: one {@link ResultSubpartition} per consumer, PIPELINED (in-memory
 * queues read while the producer runs) or BLOCKING (local files read after it finished).
 *
 * <p>Life cycle, written by the producer's task thread: records go in through a {@code RecordWriter} that takes
 * buffers from this partition (it is the writer's {@link BufferProvider}) and hands them back with
 * {@link #emitBuffer}; {@link #finish()} appends an end-of-partition event to every subpartition; {@link #close()}
 * gives the buffer pool up (buffers still queued return to the global pool as consumers recycle them). On failure
 * the task calls {@link #fail(Throwable)}: the partition is released and its readers see the cause.
 *
 * <p>Release: a pipelined partition is released by the {@link ResultPartitionManager} once every subpartition's
 * reader has released its view (consumed, or the consumer stopped reading because it failed or was cancelled); a
 * blocking one only explicitly or when its job ends. Release recycles every queued buffer and deletes every file.
 *
 * <p>A producer that outlives its partition: the pool belongs to the producer and is destroyed only by the producer's
 * own {@link #finish()} (blocking) or {@link #close()}, never by a release from outside. A producer that asks for a
 * buffer after the partition was released from outside (every consumer stopped reading because it failed or was
 * cancelled, or the job ended) gets a {@link CancelTaskException} instead: its task ends CANCELED, because the
 * failure that made the consumers stop is reported by the task that failed, and the JobMaster cancels or restarts
 * this producer with it anyway. Failing the producer instead (as a destroyed pool would) let its error reach the
 * JobMaster before the original one and become the job's root cause. Buffers already requested may still be
 * emitted; they are dropped. A producer that asks for a buffer after its own task gave the pool up is a genuine
 * bug, and fails with the pool's {@link IllegalStateException}. The check costs one volatile read per buffer.
 *
 * <p>Ownership law: buffers requested from this partition belong to the requester until handed back through
 * {@link #emitBuffer}, which passes them to the subpartition (see {@link ResultSubpartition}).
 *
 * <p>Backpressure: the time the producer spent blocked waiting for a free buffer is summed in
 * {@link #getBackPressuredTimeMs()}, measured only around the blocking waits (a buffer that is free at once costs
 * no clock read).
 */
public final class ResultPartition implements ResultPartitionWriter, BufferProvider, AutoCloseable {

    private final String owningTaskName;
    private final JobID jobId;
    private final ResultPartitionID partitionId;
    private final ResultPartitionType partitionType;
    private final ResultSubpartition[] subpartitions;
    private final BufferPool bufferPool;
    private final ResultPartitionManager partitionManager;

    private final Object releaseLock = new Object();
    private int unconsumedSubpartitions;
    /** Written under releaseLock; volatile so that the producer checks it per buffer without the lock. */
    private volatile boolean released;
    private volatile boolean finished;
    /** Written by the producer thread only; volatile so that metrics read a recent value. */
    private volatile long backPressuredNanos;
    /** System.nanoTime() when the current wait for a buffer began; 0 when the producer is not waiting. */
    private volatile long backPressuredSince;

    /**
     * @param tempDirectory where a BLOCKING partition writes its files (ignored for pipelined ones)
     * @throws IOException when the files of a blocking partition cannot be created
     */
    public ResultPartition(String owningTaskName, JobID jobId, ResultPartitionID partitionId,
            ResultPartitionType partitionType, int numberOfSubpartitions, BufferPool bufferPool,
            ResultPartitionManager partitionManager, File tempDirectory) throws IOException {
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("a result partition needs at least one subpartition, got "
                    + numberOfSubpartitions);
        }
        this.owningTaskName = Objects.requireNonNull(owningTaskName);
        this.jobId = Objects.requireNonNull(jobId);
        this.partitionId = Objects.requireNonNull(partitionId);
        this.partitionType = Objects.requireNonNull(partitionType);
        this.bufferPool = Objects.requireNonNull(bufferPool);
        this.partitionManager = Objects.requireNonNull(partitionManager);
        this.subpartitions = new ResultSubpartition[numberOfSubpartitions];
        this.unconsumedSubpartitions = numberOfSubpartitions;
        try {
            for (int i = 0; i < numberOfSubpartitions; i++) {
                subpartitions[i] = partitionType.isBlocking()
                        ? new BoundedBlockingSubpartition(i, this, tempDirectory)
                        : new PipelinedSubpartition(i, this);
            }
        } catch (IOException e) {
            release(e);
            throw new IOException("Could not create the files of blocking partition " + partitionId + " of "
                    + owningTaskName + " in " + tempDirectory + " (option 'io.tmp.dirs'): " + e.getMessage(), e);
        }
    }

    // ---- writing (producer thread) ----

    @Override
    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    @Override
    public void emitBuffer(int subpartition, Buffer buffer) throws IOException {
        subpartitions[subpartition].add(buffer);
    }

    @Override
    public byte[] emitPriorityEvent(int subpartition, Buffer event) throws IOException {
        return subpartitions[subpartition].addPriorityEvent(event);
    }

    /** A free buffer, or null; see the class comment for a released partition. */
    @Override
    public Buffer requestBuffer() {
        checkNotReleased();
        return bufferPool.requestBuffer();
    }

    /** A free buffer, waiting for one; see the class comment for a released partition. */
    @Override
    public Buffer requestBufferBlocking() throws InterruptedException {
        checkNotReleased();
        Buffer buffer = bufferPool.requestBuffer();
        if (buffer != null) {
            return buffer;
        }
        long start = System.nanoTime();
        backPressuredSince = start;
        try {
            return bufferPool.requestBufferBlocking();
        } finally {
            backPressuredSince = 0;
            backPressuredNanos += System.nanoTime() - start;
        }
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return bufferPool.getAvailableFuture();
    }

    @Override
    public int getMemorySegmentSize() {
        return bufferPool.getMemorySegmentSize();
    }

    @Override
    public boolean isDestroyed() {
        return bufferPool.isDestroyed();
    }

    /** Appends the end-of-partition event to every subpartition; a blocking partition becomes readable. */
    public void finish() throws IOException {
        for (ResultSubpartition subpartition : subpartitions) {
            subpartition.finish();
        }
        finished = true;
        if (partitionType.isBlocking()) {
            // every buffer has been written to disk and recycled: the pool is no longer needed
            bufferPool.lazyDestroy();
        }
    }

    /** The producer failed or was cancelled: releases the partition; readers see {@code cause}. */
    public void fail(Throwable cause) {
        partitionManager.releasePartition(partitionId, Objects.requireNonNull(cause));
        release(cause);
    }

    /** Gives up the buffer pool (the producer is done writing); queued buffers stay readable. */
    @Override
    public void close() {
        bufferPool.lazyDestroy();
    }

    // ---- reading ----

    /** A reader for one subpartition; see {@link ResultSubpartitionView}. */
    public ResultSubpartitionView createSubpartitionView(int index, BufferAvailabilityListener listener)
            throws IOException {
        if (index < 0 || index >= subpartitions.length) {
            throw new PartitionException("Subpartition " + index + " requested from partition " + partitionId
                    + ", which has " + subpartitions.length + " subpartitions", partitionId);
        }
        return subpartitions[index].createReadView(listener);
    }

    /** Called when the reader of a pipelined subpartition released its view. */
    void onConsumedSubpartition(int index) {
        if (!partitionType.isPipelined()) {
            return;
        }
        boolean allConsumed;
        synchronized (releaseLock) {
            if (released) {
                return;
            }
            allConsumed = --unconsumedSubpartitions == 0;
        }
        if (allConsumed) {
            partitionManager.onConsumedPartition(this);
        }
    }

    // ---- release ----

    /**
     * Recycles all queued buffers and deletes all files; {@code cause} (may be null) is what readers see. The buffer
     * pool stays with the producer (see the class comment). Idempotent.
     */
    public void release(Throwable cause) {
        synchronized (releaseLock) {
            if (released) {
                return;
            }
            released = true;
        }
        for (ResultSubpartition subpartition : subpartitions) {
            if (subpartition != null) {
                subpartition.release(cause);
            }
        }
    }

    public boolean isReleased() {
        return released;
    }

    private void checkNotReleased() {
        if (released) {
            throw new CancelTaskException(this + " has been released: its consumers stopped reading (one failed or"
                    + " was cancelled) or its job ended; the producer stops too.");
        }
    }

    // ---- state ----

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public JobID getJobId() {
        return jobId;
    }

    public ResultPartitionType getPartitionType() {
        return partitionType;
    }

    public String getOwningTaskName() {
        return owningTaskName;
    }

    public boolean isFinished() {
        return finished;
    }

    public BufferPool getBufferPool() {
        return bufferPool;
    }

    int getBufferSize() {
        return bufferPool.getMemorySegmentSize();
    }

    /** The subpartition at {@code index}; for tests and metrics. */
    public ResultSubpartition getSubpartition(int index) {
        return subpartitions[index];
    }

    /** Total time the producer waited for a free buffer, in milliseconds. */
    public long getBackPressuredTimeMs() {
        return getBackPressuredTimeNanos() / 1_000_000;
    }

    /** Total time the producer waited for a free buffer, including a wait going on now, in nanoseconds. */
    @Override
    public long getBackPressuredTimeNanos() {
        long since = backPressuredSince;
        return backPressuredNanos + (since == 0 ? 0 : System.nanoTime() - since);
    }

    @Override
    public String toString() {
        return "ResultPartition " + partitionId + " [" + partitionType + ", " + subpartitions.length
                + " subpartitions] of " + owningTaskName;
    }
}
