package io.freshet.runtime.rpc.netty;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.RpcOptions;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.rpc.RpcConnectionException;
import io.freshet.runtime.rpc.RpcException;
import io.freshet.runtime.rpc.RpcInvocation;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcTarget;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link RpcService} that listens on a TCP port and reaches other Netty services over TCP.
 *
 * <p>Addresses are {@code freshet.tcp://<host>:<port>/<endpoint id>}. The service runs one Netty event-loop group
 * (threads {@code freshet-rpc-netty-<service>-*}) for its server and its client connections, and keeps at most one
 * client connection per remote service, shared by all gateways to it (see {@link NettyConnection}). Frames carry a
 * 4-byte length prefix and a Kryo payload ({@link RpcMessageCodec}); a frame larger than {@code pekko.framesize}
 * fails only its own call. Calls to endpoints of this service's own address skip the socket.
 *
 * <p>Threads: Netty's threads only decode frames and queue calls on the endpoints' main threads. Arguments are
 * serialized on the calling thread, answers on the thread that completes them (usually the endpoint's main thread).
 */
public final class NettyRpcService extends RpcService {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRpcService.class);

    /** Scheme of Netty RPC addresses. */
    public static final String SCHEME = "freshet.tcp://";

    private final String hostname;
    private final int port;
    private final String address;
    private final RpcMessageCodec codec;
    private final EventLoopGroup eventLoops;
    private final Channel serverChannel;
    private final Bootstrap clientBootstrap;
    private final Set<Channel> acceptedChannels = ConcurrentHashMap.newKeySet();
    private final Map<String, NettyConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong callIds = new AtomicLong();

    private NettyRpcService(String serviceName, String bindHost, int port, Configuration configuration)
            throws Exception {
        super(serviceName, configuration);
        this.codec = new RpcMessageCodec(classLoader());
        this.eventLoops = new NioEventLoopGroup(
                2, new DefaultThreadFactory(THREAD_PREFIX + "netty-" + serviceName, true));
        int maxFrameSize = getMaxFrameSize();
        try {
            ServerBootstrap server = new ServerBootstrap()
                    .group(eventLoops)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            acceptedChannels.add(channel);
                            channel.closeFuture().addListener(closed -> acceptedChannels.remove(channel));
                            channel.pipeline()
                                    .addLast(new LengthFieldBasedFrameDecoder(maxFrameSize, 0, 4, 0, 4))
                                    .addLast(new LengthFieldPrepender(4))
                                    .addLast(new ServerHandler());
                        }
                    });
            this.serverChannel = server.bind(bindHost, port).sync().channel();
        } catch (Exception e) {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            closeAsync();
            throw new RpcException("Could not start the rpc service " + serviceName + " on " + bindHost + ":"
                    + port + ": " + e.getMessage(), e);
        }
        this.hostname = bindHost;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        this.address = SCHEME + hostname + ":" + this.port;
        this.clientBootstrap = new Bootstrap()
                .group(eventLoops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        getLookupTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new LengthFieldBasedFrameDecoder(maxFrameSize, 0, 4, 0, 4))
                                .addLast(new LengthFieldPrepender(4));
                    }
                });
        LOG.info("Started the rpc service {} (largest frame {} bytes).", address, maxFrameSize);
    }

    /** Starts a service listening on {@code bindHost:port} (0: any free port). */
    public static NettyRpcService start(String serviceName, String bindHost, int port, Configuration configuration)
            throws Exception {
        return new NettyRpcService(serviceName, bindHost, port, configuration);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : NettyRpcService.class.getClassLoader();
    }

    @Override
    public String getAddress() {
        return address;
    }

    @Override
    public String getHostname() {
        return hostname;
    }

    @Override
    public int getPort() {
        return port;
    }

    // ---- client side ----

    @Override
    protected CompletableFuture<RpcTarget> resolve(String targetAddress, Class<?> gatewayClass) {
        if (!targetAddress.startsWith(SCHEME)) {
            return FutureUtils.completedExceptionally(new RpcConnectionException("Could not connect to "
                    + targetAddress + ": expected an address of the form " + SCHEME + "<host>:<port>/<endpoint id>."));
        }
        int slash = targetAddress.indexOf('/', SCHEME.length());
        String serviceAddress = slash < 0 ? targetAddress : targetAddress.substring(0, slash);
        String endpointId = slash < 0 ? "" : targetAddress.substring(slash + 1);
        int colon = serviceAddress.lastIndexOf(':');
        if (endpointId.isEmpty() || colon < SCHEME.length()) {
            return FutureUtils.completedExceptionally(new RpcConnectionException("Could not connect to "
                    + targetAddress + ": expected an address of the form " + SCHEME + "<host>:<port>/<endpoint id>."));
        }
        if (serviceAddress.equals(address)) {
            RpcConnectionException problem = checkLocalEndpoint(endpointId, gatewayClass.getName());
            return problem != null
                    ? FutureUtils.completedExceptionally(problem)
                    : CompletableFuture.completedFuture(localTarget(endpointId));
        }
        String host = serviceAddress.substring(SCHEME.length(), colon);
        long callId = callIds.incrementAndGet();
        CompletableFuture<Object> found = new CompletableFuture<>();
        FutureUtils.orTimeout(found, getLookupTimeout(), getScheduledExecutor(), () -> new RpcConnectionException(
                "Could not connect to " + targetAddress + " within " + getLookupTimeout().toMillis() + " ms ('"
                        + RpcOptions.LOOKUP_TIMEOUT.key() + "')."));
        try {
            connectionTo(serviceAddress).send(callId, codec.encodeLookup(callId, endpointId, gatewayClass.getName()),
                    "the lookup of " + targetAddress, found);
        } catch (RuntimeException e) {
            found.completeExceptionally(e);
        }
        return found.thenApply(ignored -> new RemoteTarget(serviceAddress, host, endpointId));
    }

    private NettyConnection connectionTo(String serviceAddress) {
        if (isClosing()) {
            throw new IllegalStateException("The rpc service " + address + " is closed.");
        }
        return connections.compute(serviceAddress, (key, existing) -> {
            if (existing != null && !existing.isFailed()) {
                return existing;
            }
            return openConnection(serviceAddress);
        });
    }

    private NettyConnection openConnection(String serviceAddress) {
        NettyConnection connection = new NettyConnection(serviceAddress);
        int colon = serviceAddress.lastIndexOf(':');
        String host = serviceAddress.substring(SCHEME.length(), colon);
        int remotePort = Integer.parseInt(serviceAddress.substring(colon + 1));
        Bootstrap bootstrap = clientBootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline()
                        .addLast(new LengthFieldBasedFrameDecoder(getMaxFrameSize(), 0, 4, 0, 4))
                        .addLast(new LengthFieldPrepender(4))
                        .addLast(new ClientHandler(connection));
            }
        });
        bootstrap.connect(host, remotePort).addListener(connected -> {
            if (connected.isSuccess()) {
                io.netty.channel.ChannelFuture channelFuture = (io.netty.channel.ChannelFuture) connected;
                connection.connected(channelFuture.channel());
            } else {
                LOG.info("Could not connect to {}: {}", serviceAddress, connected.cause().toString());
                connection.fail(new RpcConnectionException(
                        "Could not connect to " + serviceAddress + ": " + connected.cause(), connected.cause()));
            }
        });
        return connection;
    }

    /** An endpoint of another service, reached through the shared connection to that service. */
    private final class RemoteTarget implements RpcTarget {

        private final String serviceAddress;
        private final String host;
        private final String endpointId;
        private final String endpointAddress;

        RemoteTarget(String serviceAddress, String host, String endpointId) {
            this.serviceAddress = serviceAddress;
            this.host = host;
            this.endpointId = endpointId;
            this.endpointAddress = serviceAddress + "/" + endpointId;
        }

        @Override
        public String getAddress() {
            return endpointAddress;
        }

        @Override
        public String getHostname() {
            return host;
        }

        @Override
        public CompletableFuture<Object> ask(RpcInvocation invocation) {
            CompletableFuture<Object> answer = new CompletableFuture<>();
            long callId = callIds.incrementAndGet();
            try {
                byte[] frame = encodeCall(true, callId, invocation);
                LOG.debug("Sending {} to {} ({} bytes).", invocation, endpointAddress, frame.length);
                connectionTo(serviceAddress).send(
                        callId, frame, "the call " + invocation + " to " + endpointAddress, answer);
            } catch (RpcException e) {
                answer.completeExceptionally(e);
            } catch (RuntimeException e) {
                answer.completeExceptionally(new RpcConnectionException(
                        "Could not send " + invocation + " to " + endpointAddress + ": " + e.getMessage(), e));
            }
            return answer;
        }

        @Override
        public void tell(RpcInvocation invocation) {
            long callId = callIds.incrementAndGet();
            try {
                byte[] frame = encodeCall(false, callId, invocation);
                LOG.debug("Sending {} to {} ({} bytes, no answer).", invocation, endpointAddress, frame.length);
                connectionTo(serviceAddress).send(callId, frame, "the tell " + invocation, null);
            } catch (Exception e) {
                LOG.error("Could not send {} to {}.", invocation, endpointAddress, e);
            }
        }

        private byte[] encodeCall(boolean expectsAnswer, long callId, RpcInvocation invocation) throws RpcException {
            byte[] frame;
            try {
                frame = codec.encodeCall(expectsAnswer, callId, endpointId, invocation);
            } catch (RuntimeException e) {
                throw new RpcException("Could not serialize the arguments of " + invocation + " for "
                        + endpointAddress + ": " + e.getMessage(), e);
            }
            if (frame.length > getMaxFrameSize()) {
                throw new RpcException(frameTooLarge("The call " + invocation + " to " + endpointAddress,
                        frame.length));
            }
            return frame;
        }
    }

    private String frameTooLarge(String what, int size) {
        return what + " is " + size + " bytes serialized, more than the largest frame of " + getMaxFrameSize()
                + " bytes. Send less data per call, or raise the option '" + RpcOptions.FRAMESIZE.key()
                + "' on both sides.";
    }

    /** Answers on the client side of a connection. */
    private final class ClientHandler extends SimpleChannelInboundHandler<ByteBuf> {

        private final NettyConnection connection;

        ClientHandler(NettyConnection connection) {
            this.connection = connection;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf message) {
            RpcMessageCodec.Frame frame;
            try {
                frame = codec.decode(ByteBufUtil.getBytes(message));
            } catch (RuntimeException e) {
                LOG.warn("Dropped an undecodable frame from {}.", connection.getRemoteAddress(), e);
                return;
            }
            Object value = null;
            Throwable error = null;
            if (frame.kind == RpcMessageCodec.RESULT) {
                if (frame.decodingFailure != null) {
                    error = new RpcException("Could not deserialize the answer from " + connection.getRemoteAddress()
                            + ": " + frame.decodingFailure.getMessage(), frame.decodingFailure);
                } else {
                    value = frame.value;
                }
            } else if (frame.kind == RpcMessageCodec.ERROR) {
                error = frame.decodingFailure == null && frame.error != null
                        ? frame.error
                        : new RpcException("The remote call failed with " + frame.errorClassName
                                + ", which could not be deserialized here. Remote stack trace:\n" + frame.errorText);
            } else {
                LOG.warn("Dropped an unexpected frame of kind {} from {}.", frame.kind, connection.getRemoteAddress());
                return;
            }
            if (!connection.complete(frame.callId, value, error)) {
                LOG.debug("Dropped the late answer to call {} from {}.", frame.callId, connection.getRemoteAddress());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connection.fail(new RpcConnectionException("the connection was closed"));
            connections.remove(connection.getRemoteAddress(), connection);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                LOG.warn("Dropped a frame from {}: {}", connection.getRemoteAddress(), cause.getMessage());
                return;
            }
            connection.fail(cause);
            connections.remove(connection.getRemoteAddress(), connection);
        }
    }

    // ---- server side ----

    /** Calls and lookups on the server side of a connection. */
    private final class ServerHandler extends SimpleChannelInboundHandler<ByteBuf> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf message) {
            Channel channel = ctx.channel();
            RpcMessageCodec.Frame frame;
            try {
                frame = codec.decode(ByteBufUtil.getBytes(message));
            } catch (RuntimeException e) {
                LOG.warn("Dropped an undecodable frame from {}.", channel.remoteAddress(), e);
                return;
            }
            switch (frame.kind) {
                case RpcMessageCodec.LOOKUP:
                    RpcConnectionException problem = checkLocalEndpoint(frame.endpointId, frame.gatewayClassName);
                    answer(channel, frame.callId, null, problem, "the lookup of " + frame.endpointId);
                    return;
                case RpcMessageCodec.REQUEST:
                case RpcMessageCodec.TELL:
                    serveCall(channel, frame);
                    return;
                default:
                    LOG.warn("Dropped an unexpected frame of kind {} from {}.", frame.kind, channel.remoteAddress());
            }
        }

        private void serveCall(Channel channel, RpcMessageCodec.Frame frame) {
            boolean expectsAnswer = frame.kind == RpcMessageCodec.REQUEST;
            String description = frame.gatewayName + "." + frame.methodName + " at " + address + "/"
                    + frame.endpointId;
            if (frame.decodingFailure != null) {
                RpcException error = new RpcException("Could not deserialize the arguments of " + description
                        + ": " + frame.decodingFailure.getMessage(), frame.decodingFailure);
                if (expectsAnswer) {
                    answer(channel, frame.callId, null, error, description);
                } else {
                    LOG.warn("Dropped a tell.", error);
                }
                return;
            }
            RpcInvocation invocation = frame.toInvocation();
            LOG.debug("Received {} for {} from {}.", invocation, frame.endpointId, channel.remoteAddress());
            CompletableFuture<Object> result = invokeLocal(frame.endpointId, invocation);
            if (!expectsAnswer) {
                result.whenComplete((ignored, error) -> {
                    if (error != null) {
                        LOG.debug("The tell {} failed.", description, error);
                    }
                });
                return;
            }
            result.whenComplete((value, error) -> answer(channel, frame.callId, value, error, description));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                LOG.warn("Dropped a frame from {}: {}", ctx.channel().remoteAddress(), cause.getMessage());
                return;
            }
            LOG.debug("Closing the rpc connection from {}: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    private void answer(Channel channel, long callId, Object value, Throwable error, String description) {
        byte[] frame;
        if (error != null) {
            frame = codec.encodeError(callId, FutureUtils.stripCompletionException(error));
        } else {
            try {
                frame = codec.encodeResult(callId, value);
            } catch (RuntimeException e) {
                frame = codec.encodeError(callId, new RpcException("Could not serialize the answer of " + description
                        + " (a " + value.getClass().getName() + "): " + e.getMessage()));
            }
        }
        if (frame.length > getMaxFrameSize()) {
            frame = codec.encodeError(callId, new RpcException(frameTooLarge("The answer of " + description,
                    frame.length)));
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame));
    }

    // ---- shutdown ----

    @Override
    protected CompletableFuture<Void> stopTransport() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        if (eventLoops == null) {
            stopped.complete(null);
            return stopped;
        }
        List<NettyConnection> open = new ArrayList<>(connections.values());
        connections.clear();
        RpcConnectionException closed = new RpcConnectionException("the rpc service " + address + " was closed");
        for (NettyConnection connection : open) {
            connection.fail(closed);
        }
        if (serverChannel != null) {
            serverChannel.close();
        }
        for (Channel channel : acceptedChannels) {
            channel.close();
        }
        eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(done -> {
            if (done.isSuccess()) {
                stopped.complete(null);
            } else {
                stopped.completeExceptionally(done.cause());
            }
        });
        return stopped;
    }

}
