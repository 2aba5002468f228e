package io.freshet.benchmarks.network;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.api.java.tuple.Tuple2;

/**
 * The two contenders of {@link LocalShuffleBenchmark}: a producer (the caller's thread) moving records to a
 * consumer thread in 32 KiB chunks, at most {@value #CHUNKS} in flight, the same bytes per record, and the same
 * checksum computed from every record read. Freshet goes through a {@code ResultPartition} and a
 * {@code LocalInputChannel} of one {@code NettyShuffleEnvironment} ({@link EnvironmentShuffle}); the hand-written
 * baseline hands {@code byte[]} chunks over a bounded {@link ArrayBlockingQueue}.
 */
public final class LocalShuffle {

    public static final int CHUNK_SIZE = 32 * 1024;
    /** Chunks (network buffers, byte arrays) that exist, and the queue capacity. */
    public static final int CHUNKS = 32;
    public static final int DISTINCT_RECORDS = 1024;
    public static final int BYTES_LENGTH = 1016;

    private LocalShuffle() {}

    /** The record types: 16 bytes (two longs) and 1 KiB (a byte array of 1016 bytes + its length) on the wire. */
    public enum RecordType {
        TUPLE_16B,
        BYTES_1KB
    }

    public static List<Tuple2<Long, Long>> longPairs() {
        Random random = new Random(42);
        List<Tuple2<Long, Long>> records = new ArrayList<>(DISTINCT_RECORDS);
        for (int i = 0; i < DISTINCT_RECORDS; i++) {
            records.add(Tuple2.of(random.nextLong(), random.nextLong()));
        }
        return records;
    }

    public static List<byte[]> byteArrays() {
        Random random = new Random(42);
        List<byte[]> records = new ArrayList<>(DISTINCT_RECORDS);
        for (int i = 0; i < DISTINCT_RECORDS; i++) {
            byte[] r = new byte[BYTES_LENGTH];
            random.nextBytes(r);
            records.add(r);
        }
        return records;
    }

    public static long checksum(Tuple2<Long, Long> t) {
        return t.f0 + 31 * t.f1;
    }

    public static long checksum(byte[] r) {
        return r.length + r[0] + 31 * r[BYTES_LENGTH - 1];
    }

    /** A producer and a consumer thread; {@link #write} runs on the producer. */
    public interface Shuffle extends AutoCloseable {

        /** Writes {@code count} records, the next ones of the cycle of distinct records. */
        void write(int count) throws Exception;

        /** Sends everything written and waits until the consumer has read it; returns the records read so far. */
        long drain() throws Exception;

        /** The checksum of all records read. */
        long checksum();

        @Override
        void close() throws Exception;
    }

    public static Shuffle create(boolean freshet, RecordType type) throws IOException {
        if (freshet) {
            return type == RecordType.TUPLE_16B
                    ? new EnvironmentShuffle<>(false, () -> TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() {})
                            .createSerializer(new SerializerConfigImpl()), longPairs(), LocalShuffle::checksum)
                    : new EnvironmentShuffle<>(false, () -> BytePrimitiveArraySerializer.INSTANCE, byteArrays(),
                            LocalShuffle::checksum);
        }
        return type == RecordType.TUPLE_16B ? new HandWrittenLongPairShuffle() : new HandWrittenBytesShuffle();
    }

    // ---- hand-written: byte[] chunks with hand-written framing, no framework ----

    /**
     * Chunks of {@link #CHUNK_SIZE} bytes: a 4-byte count of valid bytes, then records, each a 4-byte length and
     * its bytes, big-endian, never split across chunks. Chunks go back to the producer through a free list, as
     * buffers go back to their pool. A chunk with a negative count ends the stream.
     */
    private abstract static class HandWrittenShuffle extends ShuffleConsumerThread implements Shuffle {
        static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        final ArrayBlockingQueue<byte[]> full = new ArrayBlockingQueue<>(CHUNKS);
        final ArrayBlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
        byte[] chunk;
        int position = 4;
        long produced;
        int next;

        HandWrittenShuffle() {
            super("local-shuffle-consumer");
            for (int i = 0; i < CHUNKS; i++) {
                free.add(new byte[CHUNK_SIZE]);
            }
        }

        /** Sends the current chunk and takes the next free one. */
        final void send() throws InterruptedException {
            if (chunk != null) {
                INT.set(chunk, 0, position);
                full.put(chunk);
            }
            chunk = free.take();
            position = 4;
        }

        @Override
        public long drain() throws Exception {
            if (position > 4) {
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
            try {
                while (true) {
                    byte[] c = full.take();
                    int valid = (int) INT.get(c, 0);
                    if (valid < 0) {
                        return;
                    }
                    read(c, valid);
                    free.put(c);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        abstract void read(byte[] chunk, int valid);

        @Override
        public void close() throws Exception {
            drain();
            byte[] end = free.take();
            INT.set(end, 0, -1);
            full.put(end);
            thread.join();
        }
    }

    static final class HandWrittenLongPairShuffle extends HandWrittenShuffle {
        private final List<Tuple2<Long, Long>> records = longPairs();
        private long count;
        private long sum;

        HandWrittenLongPairShuffle() {
            thread.start();
        }

        @Override
        public void write(int n) throws Exception {
            if (chunk == null) {
                send();
            }
            for (int i = 0; i < n; i++) {
                if (position + 20 > CHUNK_SIZE) {
                    send();
                }
                Tuple2<Long, Long> t = records.get(next);
                next = (next + 1) & (DISTINCT_RECORDS - 1);
                INT.set(chunk, position, 16);
                LONG.set(chunk, position + 4, t.f0.longValue());
                LONG.set(chunk, position + 12, t.f1.longValue());
                position += 20;
            }
            produced += n;
        }

        @Override
        void read(byte[] c, int valid) {
            Tuple2<Long, Long> reuse = new Tuple2<>();
            long count = this.count;
            long sum = this.sum;
            for (int p = 4; p < valid; ) {
                int length = (int) INT.get(c, p);
                // a record is materialized as the consumer's operator would see it, as Freshet does
                reuse.f0 = (long) LONG.get(c, p + 4);
                reuse.f1 = (long) LONG.get(c, p + 12);
                sum += LocalShuffle.checksum(reuse);
                count++;
                p += 4 + length;
            }
            this.count = count;
            this.sum = sum;
            checksum = sum;
            consumed = count;
        }
    }

    static final class HandWrittenBytesShuffle extends HandWrittenShuffle {
        private static final int FRAMED = 4 + 4 + BYTES_LENGTH;
        private final List<byte[]> records = byteArrays();
        private final byte[] reuse = new byte[BYTES_LENGTH];
        private long count;
        private long sum;

        HandWrittenBytesShuffle() {
            thread.start();
        }

        @Override
        public void write(int n) throws Exception {
            if (chunk == null) {
                send();
            }
            for (int i = 0; i < n; i++) {
                if (position + FRAMED > CHUNK_SIZE) {
                    send();
                }
                byte[] r = records.get(next);
                next = (next + 1) & (DISTINCT_RECORDS - 1);
                INT.set(chunk, position, 4 + r.length);
                INT.set(chunk, position + 4, r.length);
                System.arraycopy(r, 0, chunk, position + 8, r.length);
                position += 8 + r.length;
            }
            produced += n;
        }

        @Override
        void read(byte[] c, int valid) {
            long count = this.count;
            long sum = this.sum;
            for (int p = 4; p < valid; ) {
                int length = (int) INT.get(c, p);
                int arrayLength = (int) INT.get(c, p + 4);
                System.arraycopy(c, p + 8, reuse, 0, arrayLength);
                sum += LocalShuffle.checksum(reuse);
                count++;
                p += 4 + length;
            }
            this.count = count;
            this.sum = sum;
            checksum = sum;
            consumed = count;
        }
    }
}
