package io.freshet.runtime.rest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.RestOptions;
import io.freshet.runtime.util.PortRange;
import io.freshet.util.ExceptionUtils;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * An HTTP/1.1 server on Netty that routes requests to {@link RestHandler}s and writes their answers as JSON.
 *
 * <p>It binds to {@code rest.bind-address} (all interfaces if unset) on the first free port of
 * {@code rest.bind-port} (falling back to {@code rest.port}); bodies up to {@code rest.server.max-content-length}
 * are accepted (larger ones get 413); connections idle for {@code rest.idleness-timeout} are closed. Handlers run
 * on {@code rest.server.numThreads} threads, never on Netty's event loop. Every error answer is
 * {@code {"errors": [...]}}: 404 for an unknown path, 405 for a known path with another method, the handler's
 * status for a {@link RestHandlerException}, 500 with the stack trace for anything else.
 */
public final class RestServerEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RestServerEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Router router;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ExecutorService handlerExecutor;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel serverChannel;
    private final String advertisedAddress;
    private volatile boolean closed;

    /** The REST API's server: {@code rest.*} options. */
    public RestServerEndpoint(Configuration configuration, Router router) throws Exception {
        this("Rest endpoint", Settings.fromRestOptions(configuration), router);
    }

    /**
     * Binds and starts serving; throws naming the port option when no port of the configured range is free.
     *
     * @param name what the logs and errors call this server ({@code Rest endpoint}, {@code BlobServer})
     */
    public RestServerEndpoint(String name, Settings settings, Router router) throws Exception {
        this.name = name;
        this.router = router;
        int maxContentLength = settings.maxContentLength;
        int threads = settings.threads;
        long idleSeconds = settings.idleSeconds;
        String bindAddress = settings.bindAddress;
        String portSpec = settings.portSpec;
        List<Integer> ports = PortRange.parse(settings.portOptionKey, portSpec);

        this.bossGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("freshet-rest-boss", true));
        this.workerGroup = new NioEventLoopGroup(2, new DefaultThreadFactory("freshet-rest-io", true));
        this.handlerExecutor = Executors.newFixedThreadPool(threads, new DefaultThreadFactory("freshet-rest-handler", true));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channels.add(channel);
                        channel.pipeline()
                                .addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new JsonErrorAggregator(maxContentLength))
                                .addLast(new RequestHandler());
                    }
                });
        Channel bound = null;
        Exception lastFailure = null;
        for (int port : ports) {
            try {
                bound = (bindAddress == null ? bootstrap.bind(port) : bootstrap.bind(bindAddress, port)).sync().channel();
                break;
            } catch (Exception e) {
                lastFailure = e;
            }
        }
        if (bound == null) {
            shutDownThreads();
            throw new IllegalStateException("The " + name + " could not bind to " + (bindAddress == null ? "*"
                    : bindAddress) + " on port(s) " + portSpec + " (" + (lastFailure == null ? "no port"
                    : lastFailure.getMessage()) + "). Is another JobManager running? Change " + settings.portHint
                    + " or stop it.", lastFailure);
        }
        this.serverChannel = bound;
        this.advertisedAddress = "http://" + settings.advertisedHost + ":" + getPort();
        LOG.info("{} listening at {} (bound to {}).", name, advertisedAddress, serverChannel.localAddress());
    }

    /** Where and how a server listens. */
    public static final class Settings {
        final String bindAddress;
        final String portSpec;
        final String portOptionKey;
        final String portHint;
        final String advertisedHost;
        final int maxContentLength;
        final int threads;
        final long idleSeconds;

        /**
         * @param bindAddress the local address to bind, or null for every interface
         * @param portSpec a port, list or range ({@link PortRange})
         * @param portOptionKey the option the port came from, for errors
         * @param portHint what to change when no port is free, for errors
         * @param advertisedHost the host clients use in URLs
         */
        public Settings(String bindAddress, String portSpec, String portOptionKey, String portHint,
                String advertisedHost, int maxContentLength, int threads, Duration idleTimeout) {
            if (threads < 1) {
                throw new IllegalConfigurationException("'%s' is %s; it must be at least 1.",
                        RestOptions.SERVER_NUM_THREADS.key(), threads);
            }
            this.bindAddress = bindAddress;
            this.portSpec = portSpec;
            this.portOptionKey = portOptionKey;
            this.portHint = portHint;
            this.advertisedHost = advertisedHost;
            this.maxContentLength = maxContentLength;
            this.threads = threads;
            this.idleSeconds = Math.max(1, idleTimeout.toSeconds());
        }

        /**
         * The REST API's settings: {@code rest.bind-address} (all interfaces if unset), {@code rest.bind-port}
         * (else {@code rest.port}), advertised as {@code rest.address}, {@code rest.server.max-content-length},
         * {@code rest.server.numThreads}, {@code rest.idleness-timeout}.
         */
        public static Settings fromRestOptions(Configuration configuration) {
            String bindAddress = configuration.getOptional(RestOptions.BIND_ADDRESS).orElse(null);
            String portSpec = configuration.getOptional(RestOptions.BIND_PORT)
                    .orElse(String.valueOf(configuration.get(RestOptions.PORT)));
            String host = configuration.getOptional(RestOptions.ADDRESS)
                    .orElse(bindAddress == null || "0.0.0.0".equals(bindAddress) ? "localhost" : bindAddress);
            return new Settings(bindAddress, portSpec, RestOptions.BIND_PORT.key(), "'" + RestOptions.BIND_PORT.key()
                    + "' / '" + RestOptions.PORT.key() + "'", host,
                    configuration.get(RestOptions.SERVER_MAX_CONTENT_LENGTH),
                    configuration.get(RestOptions.SERVER_NUM_THREADS), configuration.get(RestOptions.IDLENESS_TIMEOUT));
        }
    }

    /** The port the server listens on. */
    public int getPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** {@code http://<rest.address>:<port>}, the URL clients and the Web UI use. */
    public String getRestBaseUrl() {
        return advertisedAddress;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly();
        channels.close().awaitUninterruptibly();
        shutDownThreads();
        LOG.info("{} at {} stopped.", name, advertisedAddress);
    }

    private void shutDownThreads() {
        handlerExecutor.shutdownNow();
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private static void sendFile(ChannelHandlerContext context, boolean keepAlive, RestResponse.FileBody file) {
        RandomAccessFile raf;
        long length;
        try {
            raf = new RandomAccessFile(file.path.toFile(), "r");
            length = raf.length();
        } catch (IOException e) {
            send(context, keepAlive, errors(HttpResponseStatus.NOT_FOUND, "Cannot read " + file.path.getFileName()
                    + ": " + e.getMessage()));
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, file.contentType);
        HttpUtil.setContentLength(head, length);
        if (keepAlive) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        context.write(head);
        context.write(new DefaultFileRegion(raf.getChannel(), 0, length));
        ChannelFuture last = context.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    // ---- requests ----

    /** Aggregates a request into one message; a request over the limit is answered 413 in the API's error form. */
    private static final class JsonErrorAggregator extends HttpObjectAggregator {
        private final int maxContentLength;

        JsonErrorAggregator(int maxContentLength) {
            super(maxContentLength);
            this.maxContentLength = maxContentLength;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext context, HttpMessage oversized) {
            if (!(oversized instanceof HttpRequest)) {
                context.close();
                return;
            }
            send(context, false, errors(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is larger"
                    + " than '" + RestOptions.SERVER_MAX_CONTENT_LENGTH.key() + "' (" + maxContentLength + " bytes); raise the option or"
                    + " send less."));
        }
    }

    private final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!request.decoderResult().isSuccess()) {
                send(context, keepAlive, errors(HttpResponseStatus.BAD_REQUEST, "Bad request received: "
                        + request.decoderResult().cause()));
                return;
            }
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            Router.Match match = router.route(request.method(), uri.rawPath());
            if (match.getHandler() == null) {
                if (match.getAllowedMethods().isEmpty()) {
                    send(context, keepAlive, errors(HttpResponseStatus.NOT_FOUND, "Not found: " + uri.path()));
                } else {
                    send(context, keepAlive, errors(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method "
                            + request.method() + " is not allowed on " + uri.path() + "; allowed: "
                            + match.getAllowedMethods().stream().map(Object::toString)
                                    .collect(Collectors.joining(", ")) + "."));
                }
                return;
            }
            HandlerRequest handlerRequest = new HandlerRequest(request.retain(), uri, match.getPathParameters());
            try {
                handlerExecutor.execute(() -> handle(context, keepAlive, match.getHandler(), handlerRequest));
            } catch (RejectedExecutionException e) {
                handlerRequest.release();
                send(context, false, errors(HttpResponseStatus.SERVICE_UNAVAILABLE, "The REST endpoint is shutting down."));
            }
        }

        private void handle(ChannelHandlerContext context, boolean keepAlive, RestHandler handler,
                HandlerRequest request) {
            CompletableFuture<RestResponse> response;
            try {
                response = handler.handleRequest(request);
            } catch (Throwable t) {
                response = CompletableFuture.failedFuture(t);
            }
            response.whenComplete((answer, failure) -> {
                request.release();
                send(context, keepAlive, failure == null ? answer : errorResponse(request, failure));
            });
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event instanceof IdleStateEvent) {
                context.close();
            } else {
                super.userEventTriggered(context, event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            LOG.debug("REST connection {} failed; closing it.", context.channel().remoteAddress(), cause);
            context.close();
        }
    }

    private static RestResponse errorResponse(HandlerRequest request, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RestHandlerException) {
            return errors(((RestHandlerException) cause).getStatus(), cause.getMessage());
        }
        LOG.warn("Unhandled failure answering {} {}.", request.getMethod(), request.getPath(), cause);
        return errors(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal server error.",
                "<Exception on server side:\n" + ExceptionUtils.stringifyException(cause) + "\nEnd of exception on server side>");
    }

    /** {@code {"errors": [...]}} with {@code status}. */
    public static RestResponse errors(HttpResponseStatus status, String... messages) {
        ObjectNode body = JSON.createObjectNode();
        var array = body.putArray("errors");
        for (String message : messages) {
            array.add(message);
        }
        return RestResponse.of(status, body);
    }

    private static void send(ChannelHandlerContext context, boolean keepAlive, RestResponse response) {
        if (response.getBody() instanceof RestResponse.FileBody) {
            sendFile(context, keepAlive, (RestResponse.FileBody) response.getBody());
            return;
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(response.getBody());
        } catch (Exception e) {
            LOG.warn("Could not write a REST answer as JSON.", e);
            bytes = ("{\"errors\":[\"Internal server error: the answer could not be written as JSON.\"]}")
                    .getBytes(StandardCharsets.UTF_8);
            response = RestResponse.of(HttpResponseStatus.INTERNAL_SERVER_ERROR, "");
        }
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.getStatus(),
                Unpooled.wrappedBuffer(bytes));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        http.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        HttpUtil.setContentLength(http, bytes.length);
        if (keepAlive) {
            http.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            context.writeAndFlush(http);
        } else {
            context.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
