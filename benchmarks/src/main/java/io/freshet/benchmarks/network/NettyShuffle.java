package io.freshet.benchmarks.network;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.api.java.tuple.Tuple2;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The contenders of {@link NettyShuffleBenchmark}: records written on the caller's thread reach a consumer over one
 * loopback TCP connection, in 32 KiB chunks with at most {@value LocalShuffle#CHUNKS} in flight, the same bytes per
 * record and the same checksum as {@link LocalShuffle}.
 */
public final class NettyShuffle {

    private NettyShuffle() {}

    public static LocalShuffle.Shuffle create(boolean freshet, LocalShuffle.RecordType type) throws IOException {
        if (freshet) {
            return type == LocalShuffle.RecordType.TUPLE_16B
                    ? new EnvironmentShuffle<>(true, () -> TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() {})
                            .createSerializer(new SerializerConfigImpl()), LocalShuffle.longPairs(), LocalShuffle::checksum)
                    : new EnvironmentShuffle<>(true, () -> BytePrimitiveArraySerializer.INSTANCE,
                            LocalShuffle.byteArrays(), LocalShuffle::checksum);
        }
        return new PlainNettyShuffle(type);
    }

    /**
     * Plain Netty: chunks of pooled direct {@code ByteBuf}s framed by a 4-byte chunk length, records (4-byte length +
     * bytes, big-endian) never split across chunks; a semaphore of {@value LocalShuffle#CHUNKS} permits stands in for
     * flow control (released when the receiver has read a chunk). The receiver decodes on its event loop.
     */
    static final class PlainNettyShuffle extends ShuffleConsumerThread implements LocalShuffle.Shuffle {
        private final LocalShuffle.RecordType type;
        private final List<Tuple2<Long, Long>> pairs = LocalShuffle.longPairs();
        private final List<byte[]> arrays = LocalShuffle.byteArrays();
        private final EventLoopGroup serverLoop = new NioEventLoopGroup(1);
        private final EventLoopGroup clientLoop = new NioEventLoopGroup(1);
        private final Semaphore credits = new Semaphore(LocalShuffle.CHUNKS);
        private final Channel server;
        private final Channel channel;
        private ByteBuf chunk;
        private long produced;
        private int next;

        PlainNettyShuffle(LocalShuffle.RecordType type) {
            super("unused");
            this.type = type;
            this.server = new ServerBootstrap().group(serverLoop).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(LocalShuffle.CHUNK_SIZE, 0, 4, 0, 4),
                                    new Receiver());
                        }
                    }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
            this.channel = new Bootstrap().group(clientLoop).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(server.localAddress()).syncUninterruptibly().channel();
        }

        private void send() throws InterruptedException {
            if (chunk != null) {
                chunk.setInt(0, chunk.readableBytes() - 4);
                credits.acquire();
                channel.writeAndFlush(chunk);
            }
            chunk = PooledByteBufAllocator.DEFAULT.directBuffer(LocalShuffle.CHUNK_SIZE, LocalShuffle.CHUNK_SIZE);
            chunk.writeInt(0);
        }

        @Override
        public void write(int n) throws Exception {
            if (chunk == null) {
                send();
            }
            if (type == LocalShuffle.RecordType.TUPLE_16B) {
                for (int i = 0; i < n; i++) {
                    if (chunk.writableBytes() < 20) {
                        send();
                    }
                    Tuple2<Long, Long> t = pairs.get(next);
                    next = (next + 1) & (LocalShuffle.DISTINCT_RECORDS - 1);
                    chunk.writeInt(16).writeLong(t.f0.longValue()).writeLong(t.f1.longValue());
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (chunk.writableBytes() < 8 + LocalShuffle.BYTES_LENGTH) {
                        send();
                    }
                    byte[] r = arrays.get(next);
                    next = (next + 1) & (LocalShuffle.DISTINCT_RECORDS - 1);
                    chunk.writeInt(4 + r.length).writeInt(r.length).writeBytes(r);
                }
            }
            produced += n;
        }

        @Override
        public long drain() throws Exception {
            if (chunk != null && chunk.readableBytes() > 4) {
                send();
            }
            awaitConsumed(produced);
            return consumed;
        }

        @Override
        public long checksum() {
            return checksum;
        }

        @Override
        public void run() {
            // the receiver runs on the server's event loop
        }

        @Override
        public void close() {
            if (chunk != null) {
                chunk.release();
            }
            channel.close().syncUninterruptibly();
            server.close().syncUninterruptibly();
            clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }

        /** Decodes every record of a chunk as the consumer's operator would see it (a reused tuple or array). */
        private final class Receiver extends ChannelInboundHandlerAdapter {
            private final Tuple2<Long, Long> reusePair = new Tuple2<>();
            private final byte[] reuseArray = new byte[LocalShuffle.BYTES_LENGTH];
            private long count;
            private long sum;

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf frame = (ByteBuf) msg;
                long count = this.count;
                long sum = this.sum;
                try {
                    if (type == LocalShuffle.RecordType.TUPLE_16B) {
                        while (frame.isReadable()) {
                            frame.skipBytes(4);
                            reusePair.f0 = frame.readLong();
                            reusePair.f1 = frame.readLong();
                            sum += LocalShuffle.checksum(reusePair);
                            count++;
                        }
                    } else {
                        while (frame.isReadable()) {
                            frame.skipBytes(4);
                            int length = frame.readInt();
                            frame.readBytes(reuseArray, 0, length);
                            sum += LocalShuffle.checksum(reuseArray);
                            count++;
                        }
                    }
                } finally {
                    frame.release();
                    credits.release();
                }
                this.count = count;
                this.sum = sum;
                publish(sum, count);
            }
        }
    }
}
