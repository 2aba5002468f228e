package io.freshet.runtime.io.network.partition.consumer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.freshet.core.memory.MemorySegment;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferPool;
import io.freshet.runtime.io.network.buffer.BufferRecycler;
import io.freshet.runtime.io.network.buffer.NetworkBuffer;
import io.freshet.runtime.io.network.buffer.NetworkBufferPool;
import io.freshet.runtime.io.network.netty.NettyShuffleClient;
import io.freshet.runtime.io.network.netty.PartitionRequestClient;
import io.freshet.runtime.io.network.partition.BufferAndBacklog;
import io.freshet.runtime.io.network.partition.PartitionNotFoundException;
import io.freshet.runtime.io.network.partition.ResultPartitionID;

/**
 * Reads a subpartition of a producer on another TaskExecutor over the shared Netty connection to it, with
 * credit-based flow control.
 *
 * <p>Credit law: one credit is one empty buffer this channel holds for the next data buffer of its producer. The
 * channel starts with {@code exclusiveBuffers} buffers taken from the global pool (announced as the initial credit
 * of the partition request); each data buffer that arrives is read straight into one of them, so the sender may
 * send a data buffer only with a credit, and a data buffer arriving without a free buffer is a protocol violation
 * that fails the channel. An exclusive buffer recycled by the consumer comes back here and is announced as one new
 * credit; when the sender's backlog exceeds the free buffers, the channel borrows floating buffers from the gate's
 * pool (without waiting; it asks again when the pool has one) and announces those too. Credits are announced in
 * batches from the Netty thread ({@code AddCredit}). Events need no credit.
 *
 * <p>Ownership: received buffers belong to the channel until the gate hands them to the task, which recycles them
 * (exclusive ones into this channel, floating ones into the gate's pool). On release every held buffer is given
 * back, and exclusive segments recycled later go straight back to the global pool.
 *
 * <p>Threads: the Netty thread delivers buffers and errors, the task thread reads, any thread recycles. One monitor
 * guards the queues; it is taken per buffer, never per record.
 */
public final class RemoteInputChannel extends InputChannel implements BufferRecycler {

    private final InputChannelID id = new InputChannelID();
    private final NettyShuffleClient client;
    private final InetSocketAddress producerSocketAddress;
    private final NetworkBufferPool globalPool;

    private final Object lock = new Object();
    /** Guarded by lock: received, not yet read. */
    private final ArrayDeque<Buffer> receivedBuffers = new ArrayDeque<>();
    /** Guarded by lock: empty buffers reserved for the sender (each one a credit, announced or not). */
    private final ArrayDeque<Buffer> availableBuffers = new ArrayDeque<>();
    /**
     * Guarded by lock: for each priority event in {@link #receivedBuffers}, in queue order, how many data buffers
     * it overtook (they are right behind it).
     */
    private final ArrayDeque<Integer> overtakenCounts = new ArrayDeque<>();
    /** Guarded by lock. */
    private int unannouncedCredit;
    /** Guarded by lock. */
    private int senderBacklog;
    /** Guarded by lock. */
    private boolean waitingForFloatingBuffer;
    /** Guarded by lock. */
    private boolean released;

    /** Netty thread only. */
    private int expectedSequenceNumber;
    private volatile PartitionRequestClient partitionRequestClient;

    /**
     * @throws IOException when the global pool has fewer than {@code exclusiveBuffers} free buffers
     */
    public RemoteInputChannel(SingleInputGate inputGate, int channelIndex, ResultPartitionID partitionId,
            int subpartitionIndex, String producerAddress, InetSocketAddress producerSocketAddress,
            NettyShuffleClient client, NetworkBufferPool globalPool, int exclusiveBuffers, int initialBackoffMillis,
            int maxBackoffMillis) throws IOException {
        super(inputGate, channelIndex, partitionId, subpartitionIndex, producerAddress, initialBackoffMillis,
                maxBackoffMillis);
        this.client = client;
        this.producerSocketAddress = producerSocketAddress;
        this.globalPool = globalPool;
        for (int i = 0; i < exclusiveBuffers; i++) {
            MemorySegment segment = globalPool.requestPooledMemorySegment();
            if (segment == null) {
                releaseAllResources();
                throw new IOException("Insufficient number of network buffers: input channel " + channelIndex
                        + " of " + inputGate.getOwningTaskName() + " needs " + exclusiveBuffers + " exclusive"
                        + " buffers, but the TaskExecutor's network pool has run out. Raise"
                        + " 'taskmanager.memory.network.fraction'/'taskmanager.memory.network.max', or lower"
                        + " 'taskmanager.network.memory.buffers-per-channel'.");
            }
            availableBuffers.add(new NetworkBuffer(segment, this));
            unannouncedCredit++;
        }
    }

    // ---- task thread ----

    @Override
    void requestSubpartition() {
        client.connect(producerSocketAddress).whenComplete((connection, error) -> {
            if (error != null) {
                setError(error);
                return;
            }
            synchronized (lock) {
                if (released) {
                    return;
                }
            }
            partitionRequestClient = connection;
            connection.requestSubpartition(this);
        });
    }

    @Override
    BufferAndBacklog getNextBuffer() throws IOException {
        checkError();
        synchronized (lock) {
            Buffer buffer = receivedBuffers.poll();
            if (buffer == null) {
                return null;
            }
            Buffer next = receivedBuffers.peek();
            return new BufferAndBacklog(buffer, senderBacklog, next == null ? null : next.getDataType());
        }
    }

    @Override
    void releaseAllResources() {
        List<Buffer> toRecycle;
        synchronized (lock) {
            if (released) {
                return;
            }
            released = true;
            toRecycle = new ArrayList<>(receivedBuffers.size() + availableBuffers.size());
            toRecycle.addAll(receivedBuffers);
            toRecycle.addAll(availableBuffers);
            receivedBuffers.clear();
            availableBuffers.clear();
        }
        for (Buffer buffer : toRecycle) {
            buffer.recycleBuffer();
        }
        PartitionRequestClient connection = partitionRequestClient;
        if (connection != null) {
            connection.cancelRequest(this);
        }
    }

    // ---- Netty thread ----

    public InputChannelID getInputChannelId() {
        return id;
    }

    /** An empty buffer for the next data buffer from the sender (one credit used up), or null if there is none. */
    public Buffer requestBufferForIncomingData() {
        synchronized (lock) {
            return released ? null : availableBuffers.poll();
        }
    }

    /** True once released: the Netty thread then drops what arrives for this channel. */
    public boolean isReleased() {
        synchronized (lock) {
            return released;
        }
    }

    /** A buffer (data or event) arrived; the channel takes over its reference. */
    public void onBuffer(Buffer buffer, int sequenceNumber, int backlog) {
        if (sequenceNumber != expectedSequenceNumber) {
            buffer.recycleBuffer();
            onError(new IOException("Buffer number " + sequenceNumber + " arrived where " + expectedSequenceNumber
                    + " was expected: the connection lost or reordered data"));
            return;
        }
        expectedSequenceNumber++;
        boolean priority = io.freshet.runtime.io.network.api.serialization.EventSerializer.isPriorityEvent(buffer);
        boolean wasEmpty;
        synchronized (lock) {
            if (released) {
                buffer.recycleBuffer();
                return;
            }
            wasEmpty = receivedBuffers.isEmpty();
            if (priority) {
                addPriorityEvent(buffer);
            } else {
                receivedBuffers.add(buffer);
            }
            senderBacklog = backlog;
        }
        if (backlog > 0) {
            requestFloatingBuffers();
        }
        if (priority) {
            notifyGateOfPriorityEvent();
        } else if (wasEmpty) {
            notifyChannelNonEmpty();
        }
    }

    /** Under lock: puts {@code event} before the data buffers after the last event, and counts them. */
    private void addPriorityEvent(Buffer event) {
        ArrayDeque<Buffer> overtaken = new ArrayDeque<>();
        while (!receivedBuffers.isEmpty() && receivedBuffers.peekLast().isBuffer()) {
            overtaken.addFirst(receivedBuffers.pollLast());
        }
        receivedBuffers.add(event);
        receivedBuffers.addAll(overtaken);
        overtakenCounts.add(overtaken.size());
    }

    @Override
    byte[] takeOvertakenData() {
        synchronized (lock) {
            Integer count = overtakenCounts.poll();
            if (count == null || count == 0) {
                return null;
            }
            int bytes = 0;
            int n = 0;
            for (Buffer buffer : receivedBuffers) {
                if (n++ == count) {
                    break;
                }
                bytes += buffer.readableBytes();
            }
            byte[] copy = new byte[bytes];
            int offset = 0;
            n = 0;
            for (Buffer buffer : receivedBuffers) {
                if (n++ == count) {
                    break;
                }
                int length = buffer.readableBytes();
                buffer.getMemorySegment().get(buffer.getReaderIndex(), copy, offset, length);
                offset += length;
            }
            return copy;
        }
    }

    /** The sender or the connection failed. */
    public void onError(Throwable cause) {
        setError(cause);
    }

    /**
     * The producer's TaskExecutor does not (yet) have the partition: asks again after the backoff, announcing all
     * free buffers as initial credit once more (the server forgot the rejected request), or fails once the backoff
     * is used up.
     */
    public void onPartitionNotFound(PartitionNotFoundException cause) {
        boolean retrying = retryAfterBackoff(() -> {
            synchronized (lock) {
                if (released) {
                    return;
                }
                unannouncedCredit = availableBuffers.size();
            }
            requestSubpartition();
        });
        if (!retrying) {
            setError(cause);
        }
    }

    /** The credit not yet announced to the sender; resets it to 0. */
    public int getAndResetUnannouncedCredit() {
        synchronized (lock) {
            int credit = unannouncedCredit;
            unannouncedCredit = 0;
            return credit;
        }
    }

    /** Borrows floating buffers from the gate's pool while the backlog exceeds the free buffers. */
    private void requestFloatingBuffers() {
        BufferPool pool = inputGate.getBufferPool();
        if (pool == null) {
            return;
        }
        boolean announce = false;
        boolean register = false;
        synchronized (lock) {
            if (released) {
                return;
            }
            while (senderBacklog > availableBuffers.size() && !pool.isDestroyed()) {
                Buffer buffer = pool.requestBuffer();
                if (buffer == null) {
                    if (!waitingForFloatingBuffer) {
                        waitingForFloatingBuffer = true;
                        register = true;
                    }
                    break;
                }
                availableBuffers.add(buffer);
                unannouncedCredit++;
                announce = true;
            }
        }
        if (register) {
            pool.getAvailableFuture().thenRun(() -> {
                synchronized (lock) {
                    waitingForFloatingBuffer = false;
                }
                try {
                    requestFloatingBuffers();
                } catch (IllegalStateException destroyed) {
                    // the gate closed meanwhile: no more credit is needed
                }
            });
        }
        if (announce) {
            announceCredit();
        }
    }

    private void announceCredit() {
        PartitionRequestClient connection = partitionRequestClient;
        if (connection != null) {
            connection.notifyCreditAvailable(this);
        }
    }

    // ---- recycling (any thread) ----

    /** An exclusive buffer came back from the consumer: it is one new credit. */
    @Override
    public void recycle(MemorySegment segment) {
        synchronized (lock) {
            if (!released) {
                availableBuffers.add(new NetworkBuffer(segment, this));
                unannouncedCredit++;
                segment = null;
            }
        }
        if (segment != null) {
            globalPool.recyclePooledMemorySegment(segment);
            return;
        }
        announceCredit();
    }
}
