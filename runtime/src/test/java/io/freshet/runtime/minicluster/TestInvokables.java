package io.freshet.runtime.minicluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.api.writer.BroadcastPartitioner;
import io.freshet.runtime.io.network.api.writer.ChannelSelector;
import io.freshet.runtime.io.network.api.writer.ForwardPartitioner;
import io.freshet.runtime.io.network.api.writer.RebalancePartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.buffer.BufferProvider;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;

/** Small invokables for MiniCluster jobs; results go to static maps keyed by the job's name. */
final class TestInvokables {

    static final String RECORDS = "test.records";
    static final String PARTITIONER = "test.partitioner";
    static final String RECORD_BYTES = "test.record-bytes";

    /** Per job name: {count, sum} of everything the sinks read. */
    static final Map<String, long[]> SINK_RESULTS = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> STARTED = new ConcurrentHashMap<>();

    private TestInvokables() {}

    static ChannelSelector<Object> selector(String name) {
        switch (name) {
            case "broadcast":
                return new BroadcastPartitioner<>();
            case "forward":
                return new ForwardPartitioner<>();
            default:
                return new RebalancePartitioner<>();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> RecordWriter<T> writer(Environment environment, io.freshet.api.common.typeutils.TypeSerializer<T> serializer,
            String partitioner) {
        return new RecordWriter<>(environment.getWriter(0), (BufferProvider) environment.getWriter(0),
                (ChannelSelector) selector(partitioner), serializer);
    }

    /** Emits the longs 0 .. records-1 through writer 0. */
    public static final class NumberSource extends AbstractInvokable {
        public NumberSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long records = Long.parseLong(getTaskConfiguration().getString(RECORDS, "1000"));
            RecordWriter<Long> writer = writer(getEnvironment(), LongSerializer.INSTANCE,
                    getTaskConfiguration().getString(PARTITIONER, "rebalance"));
            for (long i = 0; i < records; i++) {
                writer.emit(i);
            }
            writer.flushAll();
            writer.close();
        }
    }

    /** Emits {@code records} byte arrays of {@code record-bytes} bytes, each filled with its index. */
    public static final class BigRecordSource extends AbstractInvokable {
        public BigRecordSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            int records = Integer.parseInt(getTaskConfiguration().getString(RECORDS, "10"));
            int bytes = Integer.parseInt(getTaskConfiguration().getString(RECORD_BYTES, "100000"));
            RecordWriter<byte[]> writer = writer(getEnvironment(), BytePrimitiveArraySerializer.INSTANCE, "rebalance");
            for (int i = 0; i < records; i++) {
                byte[] record = new byte[bytes];
                java.util.Arrays.fill(record, (byte) i);
                writer.emit(record);
            }
            writer.flushAll();
            writer.close();
        }
    }

    /** Reads longs from every input and adds count and sum to {@link #SINK_RESULTS}. */
    public static final class SummingSink extends AbstractInvokable {
        public SummingSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long count = 0;
            long sum = 0;
            for (InputGate gate : getEnvironment().getAllInputGates()) {
                RecordReader<Long> reader = new RecordReader<>(gate, LongSerializer.INSTANCE, false);
                Long value;
                while ((value = reader.next()) != null) {
                    count++;
                    sum += value;
                }
            }
            long[] totals = SINK_RESULTS.computeIfAbsent(jobName(), k -> new long[2]);
            synchronized (totals) {
                totals[0] += count;
                totals[1] += sum;
            }
        }

        private String jobName() {
            return getTaskConfiguration().getString("test.job", "unknown");
        }
    }

    /** Reads byte arrays, checks each is filled with one value, counts them. */
    public static final class CheckingBytesSink extends AbstractInvokable {
        public CheckingBytesSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long count = 0;
            long bytes = 0;
            RecordReader<byte[]> reader = new RecordReader<>(getEnvironment().getInputGate(0),
                    BytePrimitiveArraySerializer.INSTANCE, false);
            byte[] record;
            while ((record = reader.next()) != null) {
                for (byte b : record) {
                    if (b != record[0]) {
                        throw new IllegalStateException("record corrupted");
                    }
                }
                count++;
                bytes += record.length;
            }
            long[] totals = SINK_RESULTS.computeIfAbsent(getTaskConfiguration().getString("test.job", "?"),
                    k -> new long[2]);
            synchronized (totals) {
                totals[0] += count;
                totals[1] += bytes;
            }
        }
    }

    /** Fails in its first attempt, succeeds afterwards. */
    public static final class FailingOnce extends AbstractInvokable {
        public FailingOnce(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() {
            if (getEnvironment().getTaskInfo().getAttemptNumber() == 0) {
                throw new IllegalStateException("failing attempt 0 on purpose");
            }
        }
    }

    /** Attempt 0 waits for {@link #RELEASE} of its job; later attempts finish at once and count themselves. */
    public static final class BlockingFirstAttempt extends AbstractInvokable {
        static final Map<String, CountDownLatch> RELEASE = new ConcurrentHashMap<>();
        static final Map<String, AtomicLong> LATER_ATTEMPTS_FINISHED = new ConcurrentHashMap<>();

        public BlockingFirstAttempt(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String job = getTaskConfiguration().getString("test.job", "?");
            if (getEnvironment().getTaskInfo().getAttemptNumber() > 0) {
                LATER_ATTEMPTS_FINISHED.computeIfAbsent(job, k -> new AtomicLong()).incrementAndGet();
                return;
            }
            CountDownLatch started = STARTED.get(job);
            if (started != null) {
                started.countDown();
            }
            RELEASE.get(job).await();
        }
    }

    /** Always fails. */
    public static final class AlwaysFailing extends AbstractInvokable {
        public AlwaysFailing(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() {
            throw new IllegalStateException("bad record 17 in " + getEnvironment().getTaskInfo().getTaskNameWithSubtasks());
        }
    }

    /** Runs until cancelled; counts down the job's latch when started. */
    public static final class BlockingUntilCancelled extends AbstractInvokable {
        static final AtomicLong CANCELLED = new AtomicLong();

        public BlockingUntilCancelled(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            CountDownLatch started = STARTED.get(getTaskConfiguration().getString("test.job", "?"));
            if (started != null) {
                started.countDown();
            }
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                CANCELLED.incrementAndGet();
                throw e;
            }
        }
    }
}
