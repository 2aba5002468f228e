package io.freshet.runtime.minicluster;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.freshet.api.common.functions.Partitioner;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.api.writer.BroadcastPartitioner;
import io.freshet.runtime.io.network.api.writer.ChannelSelector;
import io.freshet.runtime.io.network.api.writer.CustomPartitionerWrapper;
import io.freshet.runtime.io.network.api.writer.ForwardPartitioner;
import io.freshet.runtime.io.network.api.writer.GlobalPartitioner;
import io.freshet.runtime.io.network.api.writer.KeyGroupStreamPartitioner;
import io.freshet.runtime.io.network.api.writer.RebalancePartitioner;
import io.freshet.runtime.io.network.api.writer.RescalePartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.buffer.BufferProvider;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.state.KeyGroupRangeAssignment;

/** Small invokables for MiniCluster jobs; results go to static maps keyed by the job's name. */
final class TestInvokables {

    static final String RECORDS = "test.records";
    static final String PARTITIONER = "test.partitioner";
    static final String RECORD_BYTES = "test.record-bytes";
    /** When "true", source subtask i emits {@code i * SUBTASK_TAG + n} so that sinks can tell the producer. */
    static final String TAG_SUBTASK = "test.tag-subtask";
    static final long SUBTASK_TAG = 1_000_000_000L;
    /** The routing rule a {@link RoutingCheckingSink} verifies: hash, custom, global or rescale. */
    static final String ROUTING = "test.routing";
    static final int MAX_PARALLELISM = 128;

    /** Per job name: records read by each sink subtask. */
    static final Map<String, long[]> PER_SUBTASK_COUNTS = new ConcurrentHashMap<>();
    /** Per job name: "subtask#attempt" of every attempt a {@link RegionProbe} started. */
    static final Map<String, Set<String>> ATTEMPTS = new ConcurrentHashMap<>();

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
            case "rescale":
                return new RescalePartitioner<>();
            case "global":
                return new GlobalPartitioner<>();
            case "hash":
                return new KeyGroupStreamPartitioner<Object, Object>(record -> record, MAX_PARALLELISM);
            case "custom":
                return new CustomPartitionerWrapper<Long, Object>(new ModuloPartitioner(), record -> (Long) record);
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

    /** Emits {@code offset + 0 .. offset + records-1} through writer 0 with the named partitioner, then ends it. */
    static void emitNumbers(AbstractInvokable task, String partitioner, long offset) throws Exception {
        long records = Long.parseLong(task.getTaskConfiguration().getString(RECORDS, "1000"));
        RecordWriter<Long> writer = writer(task.getEnvironment(), LongSerializer.INSTANCE, partitioner);
        for (long i = 0; i < records; i++) {
            writer.emit(offset + i);
        }
        writer.flushAll();
        writer.close();
    }

    /** Emits the longs 0 .. records-1 through writer 0. */
    public static final class NumberSource extends AbstractInvokable {
        public NumberSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long offset = Boolean.parseBoolean(getTaskConfiguration().getString(TAG_SUBTASK, "false"))
                    ? getEnvironment().getTaskInfo().getIndexOfThisSubtask() * SUBTASK_TAG
                    : 0;
            emitNumbers(this, getTaskConfiguration().getString(PARTITIONER, "rebalance"), offset);
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
    /** Sends key {@code k} to partition {@code k mod n}. */
    static final class ModuloPartitioner implements Partitioner<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(Long key, int numPartitions) {
            return (int) (key % numPartitions);
        }
    }

    /**
     * Reads tagged longs from input 0, fails on the first record the job's routing rule would not send to this
     * subtask, and adds its count to {@link #PER_SUBTASK_COUNTS} and count and sum to {@link #SINK_RESULTS}.
     */
    public static final class RoutingCheckingSink extends AbstractInvokable {
        public RoutingCheckingSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String job = getTaskConfiguration().getString("test.job", "?");
            String routing = getTaskConfiguration().getString(ROUTING, "?");
            int index = getEnvironment().getTaskInfo().getIndexOfThisSubtask();
            int parallelism = getEnvironment().getTaskInfo().getNumberOfParallelSubtasks();
            RecordReader<Long> reader = new RecordReader<>(getEnvironment().getInputGate(0), LongSerializer.INSTANCE,
                    false);
            long count = 0;
            long sum = 0;
            Long value;
            while ((value = reader.next()) != null) {
                int expected = expectedSubtask(routing, value, parallelism, index);
                if (expected != index) {
                    throw new IllegalStateException("record " + value + " routed by " + routing + " reached subtask "
                            + index + " instead of " + expected);
                }
                count++;
                sum += value % SUBTASK_TAG;
            }
            PER_SUBTASK_COUNTS.computeIfAbsent(job, k -> new long[parallelism])[index] = count;
            long[] totals = SINK_RESULTS.computeIfAbsent(job, k -> new long[2]);
            synchronized (totals) {
                totals[0] += count;
                totals[1] += sum;
            }
        }

        private static int expectedSubtask(String routing, long value, int parallelism, int index) {
            switch (routing) {
                case "hash":
                    return KeyGroupRangeAssignment.assignKeyToParallelOperator(value, MAX_PARALLELISM, parallelism);
                case "custom":
                    return (int) (value % parallelism);
                case "global":
                    return 0;
                case "rescale":
                    // two producers, four consumers: producer p feeds consumers 2p and 2p + 1
                    return (int) (value / SUBTASK_TAG) == index / 2 ? index : -1;
                default:
                    throw new IllegalArgumentException("unknown routing " + routing);
            }
        }
    }

    /**
     * A two-subtask vertex whose subtasks form separate pipelined regions. Subtask 1 starts, signals
     * {@link #STARTED}, and waits for {@link BlockingFirstAttempt#RELEASE}; subtask 0's first attempt waits until
     * subtask 1 runs and then fails, its second attempt releases subtask 1. Both emit {@link #RECORDS} longs to
     * their forward output. Every attempt is recorded in {@link #ATTEMPTS}.
     */
    public static final class RegionProbe extends AbstractInvokable {
        public RegionProbe(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String job = getTaskConfiguration().getString("test.job", "?");
            int index = getEnvironment().getTaskInfo().getIndexOfThisSubtask();
            int attempt = getEnvironment().getTaskInfo().getAttemptNumber();
            ATTEMPTS.computeIfAbsent(job, k -> ConcurrentHashMap.newKeySet()).add(index + "#" + attempt);
            if (index == 1) {
                STARTED.get(job).countDown();
                if (!BlockingFirstAttempt.RELEASE.get(job).await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("subtask 0 was never restarted");
                }
            } else if (attempt == 0) {
                if (!STARTED.get(job).await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("subtask 1 never started");
                }
                throw new IllegalStateException("failing subtask 0 on purpose while subtask 1 runs");
            } else {
                BlockingFirstAttempt.RELEASE.get(job).countDown();
            }
            emitNumbers(this, "forward", 0);
        }
    }
    /** Per job name: released to let a {@link GatedSource} emit, and a {@link GatedSink} read past its first record. */
    static final Map<String, CountDownLatch> SOURCE_GO = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> SINK_GO = new ConcurrentHashMap<>();

    /** Emits {@link #RECORDS} longs once its job's {@link #SOURCE_GO} latch opens. */
    public static final class GatedSource extends AbstractInvokable {
        public GatedSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String job = getTaskConfiguration().getString("test.job", "?");
            if (!SOURCE_GO.get(job).await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("never told to go");
            }
            emitNumbers(this, "forward", 0);
        }
    }

    /** Reads one record, waits for its job's {@link #SINK_GO} latch, reads the rest; counts into SINK_RESULTS. */
    public static final class GatedSink extends AbstractInvokable {
        public GatedSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String job = getTaskConfiguration().getString("test.job", "?");
            RecordReader<Long> reader = new RecordReader<>(getEnvironment().getInputGate(0), LongSerializer.INSTANCE,
                    false);
            long count = 0;
            long sum = 0;
            Long value;
            while ((value = reader.next()) != null) {
                if (count == 0 && !SINK_GO.get(job).await(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never told to go on");
                }
                count++;
                sum += value;
            }
            SINK_RESULTS.put(job, new long[] {count, sum});
        }
    }
}
