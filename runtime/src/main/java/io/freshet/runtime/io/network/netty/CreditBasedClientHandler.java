package io.freshet.runtime.io.network.netty;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.freshet.core.memory.MemorySegmentFactory;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferRecycler;
import io.freshet.runtime.io.network.buffer.NetworkBuffer;
import io.freshet.runtime.io.network.partition.PartitionException;
import io.freshet.runtime.io.network.partition.PartitionNotFoundException;
import io.freshet.runtime.io.network.partition.ProducerFailedException;
import io.freshet.runtime.io.network.partition.consumer.InputChannelID;
import io.freshet.runtime.io.network.partition.consumer.RemoteInputChannel;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The client side of one shuffle connection: routes buffer and error responses to the remote input channels that
 * share the connection.
 *
 * <p>A data buffer is read from the frame straight into an empty buffer the channel reserved for it (one credit);
 * when the channel has none, the sender broke the credit law and the channel fails. Event buffers are rare and get
 * a fresh heap segment. Frames for channels no longer registered (cancelled, released) are dropped. When the
 * connection is lost or fails, every channel on it fails with an error naming the producer's address.
 */
final class CreditBasedClientHandler extends ChannelInboundHandlerAdapter {

    private final String remoteAddress;
    private final Map<InputChannelID, RemoteInputChannel> channels = new ConcurrentHashMap<>();
    private volatile Throwable failure;

    CreditBasedClientHandler(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }

    void addChannel(RemoteInputChannel channel) {
        channels.put(channel.getInputChannelId(), channel);
        Throwable failed = failure;
        if (failed != null) {
            channel.onError(failed);
        }
    }

    void removeChannel(RemoteInputChannel channel) {
        channels.remove(channel.getInputChannelId());
    }

    int getNumberOfChannels() {
        return channels.size();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            byte id = frame.readByte();
            if (id == NettyMessage.BUFFER_RESPONSE) {
                onBufferResponse(frame);
            } else if (id == NettyMessage.ERROR_RESPONSE) {
                onErrorResponse(frame);
            } else {
                throw new IllegalStateException("unknown shuffle message id " + id + " from " + remoteAddress);
            }
        } finally {
            frame.release();
        }
    }

    private void onBufferResponse(ByteBuf frame) {
        RemoteInputChannel channel = channels.get(NettyMessage.readId(frame));
        int sequenceNumber = frame.readInt();
        int backlog = frame.readInt();
        boolean isEvent = frame.readByte() != 0;
        int size = frame.readInt();
        if (channel == null || channel.isReleased()) {
            return;
        }
        Buffer buffer;
        if (isEvent) {
            buffer = new NetworkBuffer(MemorySegmentFactory.allocateUnpooledSegment(size),
                    BufferRecycler.DeallocatingRecycler.INSTANCE, Buffer.DataType.EVENT_BUFFER, 0);
        } else {
            buffer = channel.requestBufferForIncomingData();
            if (buffer == null) {
                if (!channel.isReleased()) {
                    channel.onError(new IOException("the producer at " + remoteAddress + " sent a data buffer"
                            + " without credit (no free buffer reserved for it): flow control is broken"));
                }
                return;
            }
        }
        frame.readBytes(buffer.getMemorySegment().wrap(0, size));
        buffer.setSize(size);
        channel.onBuffer(buffer, sequenceNumber, backlog);
    }

    private void onErrorResponse(ByteBuf frame) {
        RemoteInputChannel channel = channels.remove(NettyMessage.readId(frame));
        byte kind = frame.readByte();
        String message = NettyMessage.readString(frame);
        if (channel == null) {
            return;
        }
        if (kind == NettyMessage.ERROR_PARTITION_NOT_FOUND) {
            channel.onPartitionNotFound(new PartitionNotFoundException(channel.getPartitionId(),
                    "the TaskExecutor at " + remoteAddress));
        } else if (kind == NettyMessage.ERROR_PRODUCER_FAILED) {
            channel.onError(new ProducerFailedException(channel.getPartitionId(), message + " (reported by the"
                    + " producer's TaskExecutor at " + remoteAddress + ")"));
        } else {
            channel.onError(new PartitionException("The producer's TaskExecutor at " + remoteAddress
                    + " reported: " + message, channel.getPartitionId()));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failAll(new IOException("The shuffle connection to the producer's TaskExecutor at " + remoteAddress
                + " was lost (the TaskExecutor may have died or closed the connection)."));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failAll(new IOException("The shuffle connection to the producer's TaskExecutor at " + remoteAddress
                + " failed: " + cause.getMessage(), cause));
        ctx.close();
    }

    private void failAll(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        for (RemoteInputChannel channel : channels.values()) {
            if (!channel.isReleased()) {
                channel.onError(cause);
            }
        }
        channels.clear();
    }
}
