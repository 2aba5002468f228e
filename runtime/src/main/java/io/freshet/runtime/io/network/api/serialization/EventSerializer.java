package io.freshet.runtime.io.network.api.serialization;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;
import io.freshet.runtime.event.AbstractEvent;
import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferRecycler;
import io.freshet.runtime.io.network.buffer.NetworkBuffer;

/**
 * The wire format of events: a 4-byte big-endian type tag, then the event's fields (none yet). One event fills
 * one EVENT_BUFFER on its own, so a reader tells events from records by the buffer's data type before looking at
 * any byte.
 *
 * <p>Tags are stable once released, because events cross TaskExecutors of possibly different builds during a
 * rolling change: 0 = end of partition, 1 = checkpoint barrier (id, timestamp, then a byte of alignment and a byte
 * of checkpoint type; a barrier of 20 bytes lacks them: an aligned checkpoint's), 2 = end of data (the producer was
 * stopped with a savepoint, without draining).
 * An unknown tag is an {@link IOException}.
 *
 * <p>Event buffers are unpooled heap segments that are freed when recycled: events are rare, and they must never
 * wait for a network buffer (an end-of-partition or barrier stuck behind backpressure would stall the job).
 */
public final class EventSerializer {

    public static final int END_OF_PARTITION_EVENT = 0;
    public static final int CHECKPOINT_BARRIER_EVENT = 1;
    public static final int END_OF_DATA_EVENT = 2;
    private static final int BARRIER_BYTES = 22;

    private EventSerializer() {}

    /** The serialized form of {@code event}, in a new big-endian heap buffer positioned at 0. */
    public static ByteBuffer toSerializedEvent(AbstractEvent event) throws IOException {
        if (event instanceof EndOfPartitionEvent) {
            ByteBuffer serialized = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
            serialized.putInt(0, END_OF_PARTITION_EVENT);
            return serialized;
        }
        if (event instanceof io.freshet.runtime.io.network.api.EndOfDataEvent) {
            ByteBuffer serialized = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN);
            serialized.putInt(0, END_OF_DATA_EVENT);
            return serialized;
        }
        if (event instanceof io.freshet.runtime.checkpoint.CheckpointBarrier) {
            io.freshet.runtime.checkpoint.CheckpointBarrier barrier = (io.freshet.runtime.checkpoint.CheckpointBarrier) event;
            ByteBuffer serialized = ByteBuffer.allocate(BARRIER_BYTES).order(ByteOrder.BIG_ENDIAN);
            serialized.putInt(0, CHECKPOINT_BARRIER_EVENT);
            serialized.putLong(4, barrier.getId());
            serialized.putLong(12, barrier.getTimestamp());
            serialized.put(20, (byte) barrier.getAlignment().ordinal());
            serialized.put(21, (byte) barrier.getType().ordinal());
            return serialized;
        }
        throw new IOException("no serialization is defined for events of " + event.getClass().getName());
    }

    /** Reads one event from the remaining bytes of {@code buffer} (its position moves past the event). */
    public static AbstractEvent fromSerializedEvent(ByteBuffer buffer) throws IOException {
        if (buffer.remaining() < 4) {
            throw new IOException("an event needs at least a 4-byte type tag, got " + buffer.remaining() + " bytes");
        }
        ByteBuffer bigEndian = buffer.order() == ByteOrder.BIG_ENDIAN ? buffer
                : buffer.duplicate().order(ByteOrder.BIG_ENDIAN);
        int tag = bigEndian.getInt();
        if (bigEndian != buffer) {
            buffer.position(buffer.position() + 4);
        }
        switch (tag) {
            case END_OF_PARTITION_EVENT:
                return EndOfPartitionEvent.INSTANCE;
            case END_OF_DATA_EVENT:
                return io.freshet.runtime.io.network.api.EndOfDataEvent.INSTANCE;
            case CHECKPOINT_BARRIER_EVENT: {
                if (bigEndian.remaining() < 16) {
                    throw new IOException("a checkpoint barrier needs 16 bytes after its tag, got " + bigEndian.remaining());
                }
                long id = bigEndian.getLong();
                long timestamp = bigEndian.getLong();
                int alignment = bigEndian.hasRemaining() ? bigEndian.get() : 0;
                int type = bigEndian.hasRemaining() ? bigEndian.get() : 0;
                if (bigEndian != buffer) {
                    buffer.position(bigEndian.position());
                }
                try {
                    return new io.freshet.runtime.checkpoint.CheckpointBarrier(id, timestamp,
                            io.freshet.runtime.checkpoint.CheckpointBarrier.alignmentOf(alignment),
                            io.freshet.runtime.checkpoint.CheckpointType.of(type));
                } catch (IllegalArgumentException e) {
                    throw new IOException("checkpoint barrier " + id + ": " + e.getMessage(), e);
                }
            }
            default:
                throw new IOException("unknown event type tag " + tag + ": corrupt stream, or a sender of a newer"
                        + " version");
        }
    }

    /** {@code event} in a new EVENT_BUFFER owned by the caller (freed when recycled). */
    public static Buffer toBuffer(AbstractEvent event) throws IOException {
        ByteBuffer serialized = toSerializedEvent(event);
        MemorySegment segment = MemorySegmentFactory.wrap(serialized.array());
        return new NetworkBuffer(segment, BufferRecycler.DeallocatingRecycler.INSTANCE, Buffer.DataType.EVENT_BUFFER,
                serialized.remaining());
    }

    /** The event in the readable bytes of an EVENT_BUFFER. The buffer is neither moved nor recycled. */
    public static AbstractEvent fromBuffer(Buffer buffer) throws IOException {
        if (buffer.isBuffer()) {
            throw new IllegalArgumentException("not an event buffer: " + buffer);
        }
        return fromSerializedEvent(buffer.getMemorySegment().wrap(buffer.getReaderIndex(), buffer.readableBytes()));
    }

    /**
     * True when {@code buffer} holds a priority event (an unaligned checkpoint barrier), which overtakes the buffers
     * queued before it. Reads two header fields, no object is made.
     */
    public static boolean isPriorityEvent(Buffer buffer) {
        if (buffer.isBuffer() || buffer.readableBytes() < BARRIER_BYTES) {
            return false;
        }
        MemorySegment segment = buffer.getMemorySegment();
        int start = buffer.getReaderIndex();
        return segment.getIntBigEndian(start) == CHECKPOINT_BARRIER_EVENT
                && segment.get(start + 20) == io.freshet.runtime.checkpoint.CheckpointBarrier.Alignment.UNALIGNED.ordinal();
    }

    /** True when {@code buffer} is an event buffer holding an event of {@code eventClass}. */
    public static boolean isEvent(Buffer buffer, Class<? extends AbstractEvent> eventClass) throws IOException {
        return !buffer.isBuffer() && eventClass.isInstance(fromBuffer(buffer));
    }
}
