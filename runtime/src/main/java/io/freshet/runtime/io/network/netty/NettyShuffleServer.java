package io.freshet.runtime.io.network.netty;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.runtime.io.network.partition.ResultPartitionManager;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The data port of one TaskExecutor: serves its {@link ResultPartitionManager}'s subpartitions to remote input
 * channels (protocol in {@link NettyMessage}, flow control in {@link PartitionRequestServerHandler}). Binds on
 * construction ({@code taskmanager.data.port}, 0 for an ephemeral port); {@link #close()} closes every connection
 * (their readers are released) and stops its threads.
 */
public final class NettyShuffleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyShuffleServer.class);

    private final EventLoopGroup eventLoops;
    private final Channel serverChannel;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong creditsReceived = new AtomicLong();
    private final AtomicLong dataBuffersSent = new AtomicLong();
    private final AtomicLong creditViolations = new AtomicLong();
    private volatile boolean closed;

    /**
     * @throws IOException when the port cannot be bound (the message names the option)
     */
    public NettyShuffleServer(ResultPartitionManager partitionManager, String bindHost, int port, int numThreads,
            String name) throws IOException {
        this.eventLoops = new NioEventLoopGroup(numThreads,
                new DefaultThreadFactory("freshet-shuffle-server-" + name, true));
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(eventLoops)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            connections.add(channel);
                            channel.pipeline().addLast(NettyMessage.frameDecoder(),
                                    new PartitionRequestServerHandler(partitionManager, NettyShuffleServer.this));
                        }
                    });
            this.serverChannel = bootstrap.bind(bindHost, port).syncUninterruptibly().channel();
        } catch (Exception e) {
            shutdownEventLoops();
            throw new IOException("Could not bind the shuffle data port " + bindHost + ":" + port + " (option"
                    + " 'taskmanager.data.port'; 0 picks a free port): " + e.getMessage(), e);
        }
        LOG.info("Shuffle server {} listening on {}.", name, serverChannel.localAddress());
    }

    /** The bound port. */
    public int getPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    // ---- flow-control statistics (for tests and metrics) ----

    void onCreditReceived(int credit) {
        creditsReceived.addAndGet(credit);
    }

    void onDataBufferSent() {
        dataBuffersSent.incrementAndGet();
    }

    void onCreditViolation() {
        creditViolations.incrementAndGet();
    }

    void onConnectionClosed(Channel channel) {
        connections.remove(channel);
    }

    /** Credits announced by all receivers so far (initial and added). */
    public long getCreditsReceived() {
        return creditsReceived.get();
    }

    public long getDataBuffersSent() {
        return dataBuffersSent.get();
    }

    /** Data buffers that would have been sent without credit; 0 unless flow control is broken. */
    public long getCreditViolations() {
        return creditViolations.get();
    }

    /** Open connections from consumers. */
    public int getNumberOfConnections() {
        return connections.size();
    }

    /** Closes every connection abruptly (their consumers see a lost connection); for tests of failures. */
    public void closeAllConnections() {
        for (Channel channel : connections) {
            channel.close().syncUninterruptibly();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        closeAllConnections();
        shutdownEventLoops();
    }

    private void shutdownEventLoops() {
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
