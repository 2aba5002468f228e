package io.freshet.runtime.io.network.netty;

import io.freshet.runtime.io.network.partition.consumer.RemoteInputChannel;
import io.netty.channel.Channel;

/**
 * The shared connection from this TaskExecutor to one remote TaskExecutor's shuffle server, used by every remote
 * input channel reading from it. All writes happen on the connection's event loop, so that a channel's partition
 * request always precedes its credits and cancellation.
 */
public final class PartitionRequestClient {

    private final Channel channel;
    private final CreditBasedClientHandler handler;

    PartitionRequestClient(Channel channel, CreditBasedClientHandler handler) {
        this.channel = channel;
        this.handler = handler;
    }

    /** Registers the channel and asks for its subpartition, with the credit it holds so far as initial credit. */
    public void requestSubpartition(RemoteInputChannel inputChannel) {
        channel.eventLoop().execute(() -> {
            handler.addChannel(inputChannel);
            int credit = inputChannel.getAndResetUnannouncedCredit();
            channel.writeAndFlush(NettyMessage.partitionRequest(channel.alloc(), inputChannel.getPartitionId(),
                    inputChannel.getSubpartitionIndex(), inputChannel.getInputChannelId(), credit))
                    .addListener(written -> {
                        if (!written.isSuccess()) {
                            inputChannel.onError(written.cause());
                        }
                    });
        });
    }

    /** Announces the channel's new credit (batched: the credit is read when the event loop gets to it). */
    public void notifyCreditAvailable(RemoteInputChannel inputChannel) {
        channel.eventLoop().execute(() -> {
            int credit = inputChannel.getAndResetUnannouncedCredit();
            if (credit > 0 && !inputChannel.isReleased()) {
                channel.writeAndFlush(NettyMessage.addCredit(channel.alloc(), inputChannel.getInputChannelId(),
                        credit));
            }
        });
    }

    /** Stops the channel's subpartition on the server and drops whatever still arrives for it. */
    public void cancelRequest(RemoteInputChannel inputChannel) {
        channel.eventLoop().execute(() -> {
            handler.removeChannel(inputChannel);
            if (channel.isActive()) {
                channel.writeAndFlush(NettyMessage.cancelPartitionRequest(channel.alloc(),
                        inputChannel.getInputChannelId()));
            }
        });
    }

    boolean isActive() {
        return channel.isActive();
    }

    Channel getChannel() {
        return channel;
    }
}
