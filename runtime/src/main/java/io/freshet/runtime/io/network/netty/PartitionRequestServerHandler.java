package io.freshet.runtime.io.network.netty;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.api.serialization.EventSerializer;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.partition.BufferAndBacklog;
import io.freshet.runtime.io.network.partition.BufferAvailabilityListener;
import io.freshet.runtime.io.network.partition.PartitionNotFoundException;
import io.freshet.runtime.io.network.partition.ProducerFailedException;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.ResultPartitionManager;
import io.freshet.runtime.io.network.partition.ResultSubpartitionView;
import io.freshet.runtime.io.network.partition.consumer.InputChannelID;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The server side of one shuffle connection: serves the partition requests of all remote channels of one consumer
 * TaskExecutor.
 *
 * <p>Credit law (sender side): each reader's credit starts at the request's initial credit, grows with every
 * {@code AddCredit} and shrinks by one with every data buffer sent; a data buffer is sent only while the credit is
 * positive (checked before the buffer is taken from the view), so the receiver always has a free buffer for it.
 * Events are sent without credit. {@link NettyShuffleServer#getCreditViolations()} counts any breach (never
 * expected; tests assert it stays 0).
 *
 * <p>Writing: buffers are written while the connection is writable (Netty's write-buffer water marks), and writing
 * resumes when it becomes writable again, so a slow network applies backpressure to the views and only a bounded
 * number of bytes per connection waits in Netty. Readers with data take turns (round robin). The buffer's bytes are
 * written straight from its memory segment and the buffer is recycled when its write completed.
 *
 * <p>Threads: everything here runs on the connection's event loop; views announce data from producer threads by
 * scheduling onto it.
 */
final class PartitionRequestServerHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionRequestServerHandler.class);

    private final ResultPartitionManager partitionManager;
    private final NettyShuffleServer server;
    private final Map<InputChannelID, ViewReader> readers = new HashMap<>();
    private final ArrayDeque<ViewReader> availableReaders = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    /** True while {@link #writeNext()} runs, so that re-enqueued readers do not start a nested write loop. */
    private boolean inWriteLoop;

    PartitionRequestServerHandler(ResultPartitionManager partitionManager, NettyShuffleServer server) {
        this.partitionManager = partitionManager;
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            byte id = frame.readByte();
            switch (id) {
                case NettyMessage.PARTITION_REQUEST:
                    onPartitionRequest(NettyMessage.readPartitionId(frame), frame.readInt(), NettyMessage.readId(frame),
                            frame.readInt());
                    break;
                case NettyMessage.ADD_CREDIT:
                    onAddCredit(NettyMessage.readId(frame), frame.readInt());
                    break;
                case NettyMessage.CANCEL_PARTITION_REQUEST:
                    releaseReader(readers.remove(NettyMessage.readId(frame)));
                    break;
                case NettyMessage.CLOSE_REQUEST:
                    releaseAllReaders();
                    ctx.close();
                    break;
                default:
                    throw new IllegalStateException("unknown shuffle message id " + id + " from "
                            + ctx.channel().remoteAddress());
            }
        } finally {
            frame.release();
        }
    }

    private void onPartitionRequest(ResultPartitionID partitionId, int subpartition, InputChannelID receiverId,
            int credit) {
        ViewReader reader = new ViewReader(receiverId, credit);
        try {
            reader.view = partitionManager.createSubpartitionView(partitionId, subpartition, reader);
        } catch (PartitionNotFoundException e) {
            sendError(receiverId, NettyMessage.ERROR_PARTITION_NOT_FOUND, e.getMessage());
            return;
        } catch (ProducerFailedException e) {
            sendError(receiverId, NettyMessage.ERROR_PRODUCER_FAILED, String.valueOf(e.getCause()));
            return;
        } catch (IOException | RuntimeException e) {
            sendError(receiverId, NettyMessage.ERROR_OTHER, String.valueOf(e));
            return;
        }
        readers.put(receiverId, reader);
        enqueueIfAvailable(reader);
    }

    private void onAddCredit(InputChannelID receiverId, int credit) {
        ViewReader reader = readers.get(receiverId);
        if (reader == null) {
            return; // cancelled or finished meanwhile
        }
        server.onCreditReceived(credit);
        reader.credit += credit;
        enqueueIfAvailable(reader);
    }

    // ---- sending ----

    private void enqueueIfAvailable(ViewReader reader) {
        if (reader.queued || reader.released) {
            return;
        }
        if (reader.view.isAvailable(reader.credit) || reader.view.isReleased()) {
            reader.queued = true;
            availableReaders.add(reader);
            writeNext();
        }
    }

    private void writeNext() {
        if (inWriteLoop || ctx == null || !ctx.channel().isActive()) {
            return;
        }
        inWriteLoop = true;
        try {
            ViewReader reader;
            while (ctx.channel().isWritable() && (reader = availableReaders.poll()) != null) {
                reader.queued = false;
                if (reader.released) {
                    continue;
                }
                BufferAndBacklog next = null;
                if (reader.view.isAvailable(reader.credit)) {
                    try {
                        next = reader.view.getNextBuffer();
                    } catch (IOException | RuntimeException e) {
                        failReader(reader, NettyMessage.ERROR_OTHER, String.valueOf(e));
                        continue;
                    }
                }
                if (next == null) {
                    if (reader.view.isReleased()) {
                        Throwable cause = reader.view.getFailureCause();
                        if (cause == null) {
                            failReader(reader, NettyMessage.ERROR_OTHER,
                                    "the partition was released before it was fully read");
                        } else {
                            failReader(reader, NettyMessage.ERROR_PRODUCER_FAILED, String.valueOf(cause));
                        }
                    }
                    continue;
                }
                write(reader, next);
            }
        } finally {
            inWriteLoop = false;
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        writeNext();
        super.channelWritabilityChanged(ctx);
    }

    private void write(ViewReader reader, BufferAndBacklog next) {
        Buffer buffer = next.buffer();
        boolean isEvent = !buffer.isBuffer();
        boolean endOfPartition;
        try {
            // other events (checkpoint barriers) are followed by more buffers: only the end ends the reader
            endOfPartition = isEvent && EventSerializer.isEvent(buffer, EndOfPartitionEvent.class);
        } catch (IOException e) {
            buffer.recycleBuffer();
            failReader(reader, NettyMessage.ERROR_OTHER, "unreadable event: " + e);
            return;
        }
        if (!isEvent) {
            if (reader.credit <= 0) {
                server.onCreditViolation();
            }
            reader.credit--;
            server.onDataBufferSent();
        }
        int size = buffer.readableBytes();
        ByteBuf header = NettyMessage.bufferResponseHeader(ctx.alloc(), reader.receiverId, reader.sequenceNumber++,
                next.buffersInBacklog(), isEvent, size);
        ByteBuf body = Unpooled.wrappedBuffer(buffer.getMemorySegment().wrap(buffer.getReaderIndex(), size));
        ctx.write(header, ctx.voidPromise());
        ctx.writeAndFlush(body).addListener(written -> {
            buffer.recycleBuffer();
            if (!written.isSuccess()) {
                LOG.info("Sending to {} failed; closing the shuffle connection: {}", ctx.channel().remoteAddress(),
                        String.valueOf(written.cause()));
                ctx.close();
            }
        });
        if (endOfPartition) {
            // the end of partition is the last buffer: the subpartition is consumed
            releaseReader(readers.remove(reader.receiverId));
        } else if (next.isMoreAvailable()) {
            // queued behind the readers already waiting: the connection is shared fairly
            enqueueIfAvailable(reader);
        }
    }

    private void failReader(ViewReader reader, byte kind, String message) {
        readers.remove(reader.receiverId);
        releaseReader(reader);
        sendError(reader.receiverId, kind, message);
    }

    private void sendError(InputChannelID receiverId, byte kind, String message) {
        ctx.writeAndFlush(NettyMessage.errorResponse(ctx.alloc(), receiverId, kind, message));
    }

    // ---- release ----

    private void releaseReader(ViewReader reader) {
        if (reader == null || reader.released) {
            return;
        }
        reader.released = true;
        reader.view.releaseAllResources();
    }

    private void releaseAllReaders() {
        for (ViewReader reader : readers.values()) {
            releaseReader(reader);
        }
        readers.clear();
        availableReaders.clear();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseAllReaders();
        server.onConnectionClosed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.info("Shuffle connection from {} failed: {}", ctx.channel().remoteAddress(), String.valueOf(cause));
        releaseAllReaders();
        ctx.close();
    }

    /** One remote channel's subpartition reader on this connection. Fields are event-loop only. */
    private final class ViewReader implements BufferAvailabilityListener {
        final InputChannelID receiverId;
        ResultSubpartitionView view;
        int credit;
        int sequenceNumber;
        boolean queued;
        boolean released;

        ViewReader(InputChannelID receiverId, int initialCredit) {
            this.receiverId = receiverId;
            this.credit = initialCredit;
            server.onCreditReceived(initialCredit);
        }

        @Override
        public void notifyDataAvailable() {
            if (ctx == null) {
                return;
            }
            ctx.executor().execute(() -> {
                if (view != null) {
                    enqueueIfAvailable(this);
                }
            });
        }
    }
}
