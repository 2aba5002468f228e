package io.freshet.client.testprograms;

import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.client.program.JobGraphEnvironment;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestartStrategyOptions;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.api.writer.RebalancePartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.buffer.BufferProvider;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;

/** Programs packaged into jars by the CLI tests, and the invokables of their jobs. */
public final class TestPrograms {

    private TestPrograms() {}

    static JobGraph numbersJob(String name, int parallelism, long records, Class<?> sourceClass) {
        JobVertex source = new JobVertex("numbers");
        source.setInvokableClassName(sourceClass.getName());
        source.setParallelism(parallelism);
        source.getConfiguration().setString("records", String.valueOf(records));
        JobVertex sink = new JobVertex("checking sink");
        sink.setInvokableClassName(CheckingSink.class.getName());
        sink.setParallelism(parallelism);
        sink.getConfiguration().setString("expected", String.valueOf(parallelism * records));
        sink.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED_BOUNDED);
        SlotSharingGroup group = new SlotSharingGroup();
        source.setSlotSharingGroup(group);
        sink.setSlotSharingGroup(group);
        return new JobGraph(null, name, source, sink);
    }

    /** args: [records]; runs a numbers job at the environment's parallelism and waits for it. */
    public static final class NumbersProgram {
        public static void main(String[] args) throws Exception {
            JobGraphEnvironment env = JobGraphEnvironment.getExecutionEnvironment();
            long records = args.length > 0 ? Long.parseLong(args[0]) : 1000;
            env.execute(numbersJob("numbers", env.getParallelism(), records, NumberSource.class));
        }
    }

    /** A job whose source fails in its first attempt; the program's own configuration allows a restart. */
    public static final class RestartingProgram {
        public static void main(String[] args) throws Exception {
            Configuration configuration = new Configuration();
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            configuration.setString("restart-strategy.fixed-delay.attempts", "2");
            configuration.setString("restart-strategy.fixed-delay.delay", "10 ms");
            JobGraphEnvironment env = JobGraphEnvironment.getExecutionEnvironment(configuration);
            env.execute(numbersJob("restarting", 1, 100, FailingOnceSource.class));
        }
    }

    /** The same failing job without restarts: the program fails with the job. */
    public static final class FailingJobProgram {
        public static void main(String[] args) throws Exception {
            Configuration configuration = new Configuration();
            configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            JobGraphEnvironment env = JobGraphEnvironment.getExecutionEnvironment(configuration);
            env.execute(numbersJob("failing", 1, 100, FailingOnceSource.class));
        }
    }

    /** args: [count]; a DataStream job summing a sequence per parity and checking the sums in its sink. */
    public static final class StreamingSumProgram {
        public static void main(String[] args) throws Exception {
            long count = args.length > 0 ? Long.parseLong(args[0]) : 1000;
            io.freshet.streaming.api.environment.StreamExecutionEnvironment env =
                    io.freshet.streaming.api.environment.StreamExecutionEnvironment.getExecutionEnvironment();
            env.fromSequence(1, count)
                    .map(value -> io.freshet.api.java.tuple.Tuple2.of(value % 2 == 0, value * 10))
                    .returns(io.freshet.api.common.typeinfo.Types.TUPLE(io.freshet.api.common.typeinfo.Types.BOOLEAN,
                            io.freshet.api.common.typeinfo.Types.LONG))
                    .keyBy(pair -> pair.f0).sum(1).setParallelism(1)
                    .addSink(new LastValueCheckingSink(10 * count * (count + 1) / 2)).setParallelism(1);
            env.execute("streaming sum");
        }
    }

    /** Fails at the end of its input unless the running sums it saw add up to {@code expectedTotal}. */
    public static final class LastValueCheckingSink extends
            io.freshet.streaming.api.functions.sink.RichSinkFunction<io.freshet.api.java.tuple.Tuple2<Boolean, Long>> {
        private static final long serialVersionUID = 1L;
        private final long expectedTotal;
        private final java.util.Map<Boolean, Long> last = new java.util.HashMap<>();

        LastValueCheckingSink(long expectedTotal) {
            this.expectedTotal = expectedTotal;
        }

        @Override
        public void invoke(io.freshet.api.java.tuple.Tuple2<Boolean, Long> value, Context context) {
            last.put(value.f0, value.f1);
        }

        @Override
        public void finish() {
            long total = last.values().stream().mapToLong(Long::longValue).sum();
            if (total != expectedTotal) {
                throw new IllegalStateException("the sums add up to " + total + ", not " + expectedTotal);
            }
        }
    }

    /** A main method that throws before running anything. */
    public static final class ThrowingProgram {
        public static void main(String[] args) {
            throw new IllegalStateException("no input path given; pass --input <path>");
        }
    }

    // ---- invokables ----

    /** Emits the longs 0 .. records-1, rebalanced. */
    public static class NumberSource extends AbstractInvokable {
        public NumberSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long records = Long.parseLong(getTaskConfiguration().getString("records", "1000"));
            RecordWriter<Long> writer = new RecordWriter<>(getEnvironment().getWriter(0),
                    (BufferProvider) getEnvironment().getWriter(0), new RebalancePartitioner<>(),
                    LongSerializer.INSTANCE);
            for (long i = 0; i < records; i++) {
                writer.emit(i);
            }
            writer.flushAll();
            writer.close();
        }
    }

    /** A {@link NumberSource} whose first attempt fails. */
    public static final class FailingOnceSource extends NumberSource {
        public FailingOnceSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            if (getEnvironment().getTaskInfo().getAttemptNumber() == 0) {
                throw new IllegalStateException("source attempt 0 fails on purpose");
            }
            super.invoke();
        }
    }

    /** Counts its input; all subtasks together must see {@code expected} records (each checks its share > 0). */
    public static final class CheckingSink extends AbstractInvokable {
        public CheckingSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            RecordReader<Long> reader = new RecordReader<>(getEnvironment().getInputGate(0), LongSerializer.INSTANCE,
                    false);
            long count = 0;
            while (reader.next() != null) {
                count++;
            }
            if (count == 0) {
                throw new IllegalStateException("sink subtask read nothing");
            }
        }
    }
}
