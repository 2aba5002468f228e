package io.freshet.runtime.io.network.netty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Opens and shares the shuffle connections of one TaskExecutor: one connection per remote TaskExecutor (data
 * address), shared by all remote input channels reading from it. A connection that fails or closes is forgotten,
 * so the next request opens a new one; the channels that were on it have failed with a clear error.
 */
public final class NettyShuffleClient implements AutoCloseable {

    private final EventLoopGroup eventLoops;
    private final Bootstrap bootstrap;
    private final Map<InetSocketAddress, CompletableFuture<PartitionRequestClient>> clients =
            new ConcurrentHashMap<>();
    private volatile boolean closed;

    public NettyShuffleClient(int numThreads, int connectTimeoutSeconds, String name) {
        this.eventLoops = new NioEventLoopGroup(numThreads,
                new DefaultThreadFactory("freshet-shuffle-client-" + name, true));
        this.bootstrap = new Bootstrap()
                .group(eventLoops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        TimeUnit.SECONDS.toMillis(connectTimeoutSeconds)));
    }

    /** The shared connection to {@code address}, opened if needed. */
    public CompletableFuture<PartitionRequestClient> connect(InetSocketAddress address) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the shuffle client has been closed"));
        }
        while (true) {
            CompletableFuture<PartitionRequestClient> existing = clients.get(address);
            if (existing != null) {
                if (!existing.isDone() || existing.isCompletedExceptionally() || existing.join().isActive()) {
                    return existing;
                }
                clients.remove(address, existing);
                continue;
            }
            CompletableFuture<PartitionRequestClient> created = new CompletableFuture<>();
            if (clients.putIfAbsent(address, created) == null) {
                open(address, created);
                return created;
            }
        }
    }

    private void open(InetSocketAddress address, CompletableFuture<PartitionRequestClient> result) {
        String remote = address.getHostString() + ":" + address.getPort();
        CreditBasedClientHandler handler = new CreditBasedClientHandler(remote);
        ChannelFuture connecting = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(NettyMessage.frameDecoder(), handler);
            }
        }).connect(address);
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                clients.remove(address, result);
                result.completeExceptionally(new IOException("Could not connect to the shuffle server of the"
                        + " producer's TaskExecutor at " + remote + ": " + done.cause().getMessage(), done.cause()));
                return;
            }
            Channel channel = connecting.channel();
            channel.closeFuture().addListener(closedFuture -> clients.remove(address, result));
            result.complete(new PartitionRequestClient(channel, handler));
        });
    }

    /** Open connections. */
    public int getNumberOfConnections() {
        int open = 0;
        for (CompletableFuture<PartitionRequestClient> client : clients.values()) {
            if (client.isDone() && !client.isCompletedExceptionally() && client.join().isActive()) {
                open++;
            }
        }
        return open;
    }

    /** Closes every connection (with a close request) and stops the client's threads. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<PartitionRequestClient>> all = new ArrayList<>(clients.values());
        clients.clear();
        for (CompletableFuture<PartitionRequestClient> client : all) {
            if (client.isDone() && !client.isCompletedExceptionally()) {
                Channel channel = client.join().getChannel();
                if (channel.isActive()) {
                    channel.writeAndFlush(NettyMessage.closeRequest(channel.alloc()))
                            .awaitUninterruptibly(2, TimeUnit.SECONDS);
                }
                channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
            }
        }
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
