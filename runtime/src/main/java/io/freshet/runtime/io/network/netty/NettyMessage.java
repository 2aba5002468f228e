package io.freshet.runtime.io.network.netty;

import java.nio.charset.StandardCharsets;

import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.ExecutionGraphID;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.consumer.InputChannelID;
import io.freshet.runtime.jobgraph.IntermediateDataSetID;
import io.freshet.runtime.jobgraph.IntermediateResultPartitionID;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.scheduler.strategy.ExecutionVertexID;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The shuffle protocol between a consumer's {@link NettyShuffleClient} and a producer's {@link NettyShuffleServer}.
 *
 * <p>Every frame is a 4-byte big-endian length (of what follows), a 1-byte message id, and the message's fields,
 * all big-endian:
 * <ul>
 *   <li>{@code PARTITION_REQUEST} (client → server): partition id (60 bytes), subpartition index, receiver id
 *       (16 bytes), initial credit.</li>
 *   <li>{@code BUFFER_RESPONSE} (server → client): receiver id, sequence number (per receiver, from 0), backlog
 *       (data buffers still queued at the sender), data type (0 data, 1 event), size, then {@code size} bytes
 *       written straight from the sender's network buffer. A data buffer uses up one credit; an event none.</li>
 *   <li>{@code ADD_CREDIT} (client → server): receiver id, credit (> 0): that many more data buffers may be sent.</li>
 *   <li>{@code CANCEL_PARTITION_REQUEST} (client → server): receiver id: stop sending, release the reader.</li>
 *   <li>{@code CLOSE_REQUEST} (client → server): no fields: the client closes the connection.</li>
 *   <li>{@code ERROR_RESPONSE} (server → client): receiver id, error kind (0 partition not found, 1 other, 2 the
 *       producer failed or was cancelled), message (4-byte length + UTF-8): that receiver's request failed for
 *       good.</li>
 * </ul>
 */
final class NettyMessage {

    static final byte PARTITION_REQUEST = 0;
    static final byte BUFFER_RESPONSE = 1;
    static final byte ADD_CREDIT = 2;
    static final byte CANCEL_PARTITION_REQUEST = 3;
    static final byte CLOSE_REQUEST = 4;
    static final byte ERROR_RESPONSE = 5;

    static final byte ERROR_PARTITION_NOT_FOUND = 0;
    static final byte ERROR_OTHER = 1;
    static final byte ERROR_PRODUCER_FAILED = 2;

    static final int LENGTH_BYTES = 4;
    static final int ID_BYTES = 16;
    static final int PARTITION_ID_BYTES = 60;
    /** Message id, receiver id, sequence number, backlog, data type, size. */
    static final int BUFFER_RESPONSE_HEADER = 1 + ID_BYTES + 4 + 4 + 1 + 4;

    private NettyMessage() {}

    /** Splits the byte stream into frames (without the length field); frames up to 2 GiB. */
    static LengthFieldBasedFrameDecoder frameDecoder() {
        return new LengthFieldBasedFrameDecoder(Integer.MAX_VALUE, 0, LENGTH_BYTES, 0, LENGTH_BYTES);
    }

    // ---- writing ----

    static ByteBuf partitionRequest(ByteBufAllocator alloc, ResultPartitionID partitionId, int subpartition,
            InputChannelID receiverId, int credit) {
        int length = 1 + PARTITION_ID_BYTES + 4 + ID_BYTES + 4;
        ByteBuf out = alloc.ioBuffer(LENGTH_BYTES + length);
        out.writeInt(length).writeByte(PARTITION_REQUEST);
        writePartitionId(out, partitionId);
        out.writeInt(subpartition);
        writeId(out, receiverId);
        out.writeInt(credit);
        return out;
    }

    /** The header of a buffer response; the buffer's bytes follow as a separate write. */
    static ByteBuf bufferResponseHeader(ByteBufAllocator alloc, InputChannelID receiverId, int sequenceNumber,
            int backlog, boolean isEvent, int size) {
        ByteBuf out = alloc.ioBuffer(LENGTH_BYTES + BUFFER_RESPONSE_HEADER);
        out.writeInt(BUFFER_RESPONSE_HEADER + size).writeByte(BUFFER_RESPONSE);
        writeId(out, receiverId);
        out.writeInt(sequenceNumber).writeInt(backlog).writeByte(isEvent ? 1 : 0).writeInt(size);
        return out;
    }

    static ByteBuf addCredit(ByteBufAllocator alloc, InputChannelID receiverId, int credit) {
        ByteBuf out = alloc.ioBuffer(LENGTH_BYTES + 1 + ID_BYTES + 4);
        out.writeInt(1 + ID_BYTES + 4).writeByte(ADD_CREDIT);
        writeId(out, receiverId);
        out.writeInt(credit);
        return out;
    }

    static ByteBuf cancelPartitionRequest(ByteBufAllocator alloc, InputChannelID receiverId) {
        ByteBuf out = alloc.ioBuffer(LENGTH_BYTES + 1 + ID_BYTES);
        out.writeInt(1 + ID_BYTES).writeByte(CANCEL_PARTITION_REQUEST);
        writeId(out, receiverId);
        return out;
    }

    static ByteBuf closeRequest(ByteBufAllocator alloc) {
        ByteBuf out = alloc.ioBuffer(LENGTH_BYTES + 1);
        out.writeInt(1).writeByte(CLOSE_REQUEST);
        return out;
    }

    static ByteBuf errorResponse(ByteBufAllocator alloc, InputChannelID receiverId, byte kind, String message) {
        byte[] text = String.valueOf(message).getBytes(StandardCharsets.UTF_8);
        int length = 1 + ID_BYTES + 1 + 4 + text.length;
        ByteBuf out = alloc.ioBuffer(LENGTH_BYTES + length);
        out.writeInt(length).writeByte(ERROR_RESPONSE);
        writeId(out, receiverId);
        out.writeByte(kind).writeInt(text.length).writeBytes(text);
        return out;
    }

    // ---- fields ----

    static void writeId(ByteBuf out, InputChannelID id) {
        out.writeLong(id.getLowerPart()).writeLong(id.getUpperPart());
    }

    static InputChannelID readId(ByteBuf in) {
        long lower = in.readLong();
        return new InputChannelID(lower, in.readLong());
    }

    static String readString(ByteBuf in) {
        int length = in.readInt();
        String text = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return text;
    }

    static void writePartitionId(ByteBuf out, ResultPartitionID id) {
        IntermediateResultPartitionID partition = id.getPartitionId();
        IntermediateDataSetID dataSet = partition.getIntermediateDataSetID();
        out.writeLong(dataSet.getLowerPart()).writeLong(dataSet.getUpperPart()).writeInt(partition.getPartitionNumber());
        ExecutionAttemptID attempt = id.getProducerId();
        ExecutionGraphID graph = attempt.getExecutionGraphId();
        JobVertexID vertex = attempt.getJobVertexId();
        out.writeLong(graph.getLowerPart()).writeLong(graph.getUpperPart());
        out.writeLong(vertex.getLowerPart()).writeLong(vertex.getUpperPart());
        out.writeInt(attempt.getSubtaskIndex()).writeInt(attempt.getAttemptNumber());
    }

    static ResultPartitionID readPartitionId(ByteBuf in) {
        IntermediateDataSetID dataSet = new IntermediateDataSetID(in.readLong(), in.readLong());
        IntermediateResultPartitionID partition = new IntermediateResultPartitionID(dataSet, in.readInt());
        ExecutionGraphID graph = new ExecutionGraphID(in.readLong(), in.readLong());
        JobVertexID vertex = new JobVertexID(in.readLong(), in.readLong());
        int subtask = in.readInt();
        int attempt = in.readInt();
        return new ResultPartitionID(partition, new ExecutionAttemptID(graph, new ExecutionVertexID(vertex, subtask),
                attempt));
    }
}
