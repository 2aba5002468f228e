package io.freshet.runtime.rpc.netty;

import io.freshet.runtime.rpc.RpcConnectionException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one client connection of a {@link NettyRpcService} to one remote service, shared by all gateways to that
 * service.
 *
 * <p>Frames are written in the order {@link #send} is called, also those sent while the TCP connection is still
 * being established (they wait in a queue). Outstanding asks are kept by call id until their answer arrives, their
 * timeout fires, or the connection fails: then every outstanding ask fails at once with
 * {@link RpcConnectionException}, and the service opens a new connection for the next call.
 */
final class NettyConnection {

    private static final Logger LOG = LoggerFactory.getLogger(NettyConnection.class);

    private final String remoteAddress;
    private final Map<Long, Outstanding> outstanding = new ConcurrentHashMap<>();

    /** Guarded by this. */
    private Channel channel;
    /** Guarded by this. */
    private List<byte[]> queued = new ArrayList<>();
    /** Guarded by this. */
    private Throwable failure;

    private record Outstanding(String description, CompletableFuture<Object> answer) {}

    NettyConnection(String remoteAddress) {
        this.remoteAddress = remoteAddress;
    }

    String getRemoteAddress() {
        return remoteAddress;
    }

    /** Called once the TCP connection is up: flushes what was queued meanwhile. */
    void connected(Channel newChannel) {
        synchronized (this) {
            if (failure != null) {
                newChannel.close();
                return;
            }
            channel = newChannel;
            for (byte[] frame : queued) {
                write(frame);
            }
            queued = null;
        }
        LOG.info("Opened rpc connection to {}.", remoteAddress);
    }

    /**
     * Sends a frame; if {@code answer} is not null, the frame is an ask with {@code callId} whose answer completes
     * it. The caller owns the timeout of {@code answer}; completing it any way removes the call from this
     * connection.
     */
    void send(long callId, byte[] frame, String description, CompletableFuture<Object> answer) {
        if (answer != null) {
            outstanding.put(callId, new Outstanding(description, answer));
            answer.whenComplete((value, error) -> outstanding.remove(callId));
        }
        Throwable failed;
        synchronized (this) {
            failed = failure;
            if (failed == null) {
                if (channel == null) {
                    queued.add(frame);
                } else {
                    write(frame);
                }
                return;
            }
        }
        if (answer != null) {
            answer.completeExceptionally(lostDuring(description, failed));
        }
    }

    /** Guarded by this, so that frames reach the channel in send order. */
    private void write(byte[] frame) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener(written -> {
            if (!written.isSuccess()) {
                fail(written.cause());
            }
        });
    }

    /** Completes the ask {@code callId}; false if it is not outstanding (answered late, after its timeout). */
    boolean complete(long callId, Object value, Throwable error) {
        Outstanding call = outstanding.remove(callId);
        if (call == null) {
            return false;
        }
        if (error != null) {
            call.answer().completeExceptionally(error);
        } else {
            call.answer().complete(value);
        }
        return true;
    }

    /** Fails the connection and every outstanding ask; idempotent. */
    void fail(Throwable cause) {
        Channel toClose;
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = cause == null ? new RpcConnectionException("closed") : cause;
            toClose = channel;
            queued = null;
        }
        if (toClose != null) {
            LOG.info("Lost the rpc connection to {}: {}", remoteAddress, failure.getMessage());
            toClose.close();
        }
        for (Long callId : outstanding.keySet()) {
            Outstanding call = outstanding.remove(callId);
            if (call != null) {
                call.answer().completeExceptionally(lostDuring(call.description(), failure));
            }
        }
    }

    synchronized boolean isFailed() {
        return failure != null;
    }

    private RpcConnectionException lostDuring(String description, Throwable cause) {
        return new RpcConnectionException("The connection to " + remoteAddress + " failed while " + description
                + " was outstanding: " + cause.getMessage(), cause);
    }
}
