package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.ExecutionOptions;
import io.freshet.configuration.MemorySize;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobType;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.co.KeyedCoProcessFunction;
import io.freshet.streaming.api.functions.source.SourceFunction;
import io.freshet.streaming.api.graph.StreamingJobGraphGenerator;
import io.freshet.streaming.api.windowing.assigners.EventTimeSessionWindows;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.freshet.util.Collector;

/**
 * BATCH execution on the embedded MiniCluster: keyed inputs sorted by key, final results only, blocking exchanges,
 * and the same results as STREAMING wherever Flink promises them.
 */
class BatchExecutionITCase {

    private static StreamExecutionEnvironment env(RuntimeExecutionMode mode, int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(mode);
        return env;
    }

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(UUID.randomUUID().toString());
    }

    private static void wordCount(StreamExecutionEnvironment env, CollectSink<Tuple2<String, Integer>> sink) {
        env.fromElements("to be or not to be", "that is the question", "to be")
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(Tuple2.of(word, 1));
                    }
                })
                .returns(Types.TUPLE(Types.STRING, Types.INT))
                .keyBy(value -> value.f0)
                .sum(1)
                .addSink(sink);
    }

    @Test
    void aRollingSumEmitsOnlyEachKeysFinalValueWhichIsStreamingsLastValue() throws Exception {
        StreamExecutionEnvironment batch = env(RuntimeExecutionMode.BATCH, 2);
        CollectSink<Tuple2<String, Integer>> batchSink = sink();
        wordCount(batch, batchSink);
        batch.execute("batch word count");

        StreamExecutionEnvironment streaming = env(RuntimeExecutionMode.STREAMING, 2);
        CollectSink<Tuple2<String, Integer>> streamingSink = sink();
        wordCount(streaming, streamingSink);
        streaming.execute("streaming word count");

        Map<String, Integer> lastStreamingValues = new HashMap<>();
        for (Tuple2<String, Integer> result : streamingSink.results()) {
            lastStreamingValues.merge(result.f0, result.f1, Math::max);
        }
        assertThat(batchSink.results()).hasSize(8).containsExactlyInAnyOrder(Tuple2.of("to", 3), Tuple2.of("be", 3),
                Tuple2.of("or", 1), Tuple2.of("not", 1), Tuple2.of("that", 1), Tuple2.of("is", 1),
                Tuple2.of("the", 1), Tuple2.of("question", 1));
        Map<String, Integer> batchValues = new HashMap<>();
        batchSink.results().forEach(result -> batchValues.put(result.f0, result.f1));
        assertThat(batchValues).isEqualTo(lastStreamingValues);
    }

    @Test
    void batchJobsHaveBlockingExchangesAndAutomaticPicksBatchOnlyForBoundedSources() {
        StreamExecutionEnvironment batch = env(RuntimeExecutionMode.AUTOMATIC, 2);
        wordCount(batch, sink());
        JobGraph batchGraph = StreamingJobGraphGenerator.createJobGraph(batch.getStreamGraph());
        assertThat(batchGraph.getJobType()).isEqualTo(JobType.BATCH);
        assertThat(batchGraph.getJobConfiguration().get(ExecutionOptions.RUNTIME_MODE))
                .isEqualTo(RuntimeExecutionMode.BATCH);
        List<ResultPartitionType> exchanges = new ArrayList<>();
        for (JobVertex vertex : batchGraph.getVertices()) {
            vertex.getProducedDataSets().forEach(dataSet -> exchanges.add(dataSet.getResultType()));
        }
        assertThat(exchanges).isNotEmpty().containsOnly(ResultPartitionType.BLOCKING);

        StreamExecutionEnvironment unbounded = env(RuntimeExecutionMode.AUTOMATIC, 2);
        unbounded.addSource(new Endless()).keyBy(value -> value % 2).sum(0).addSink(sink());
        JobGraph streamingGraph = StreamingJobGraphGenerator.createJobGraph(unbounded.getStreamGraph());
        assertThat(streamingGraph.getJobType()).isEqualTo(JobType.STREAMING);
        assertThat(streamingGraph.getJobConfiguration().get(ExecutionOptions.RUNTIME_MODE))
                .isEqualTo(RuntimeExecutionMode.STREAMING);
    }

    @Test
    void batchModeWithAnUnboundedSourceIsRefusedNamingTheSource() {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.BATCH, 1);
        env.addSource(new Endless()).name("clicks").keyBy(value -> value % 2).sum(0).addSink(sink());

        assertThatThrownBy(() -> env.execute("endless batch")).hasMessageContaining("UNBOUNDED source")
                .hasMessageContaining("'Source: clicks'").hasMessageContaining("STREAMING or AUTOMATIC");
    }

    /** (key, timestamp, value) events, out of order by up to 2 seconds. */
    private static DataStream<Tuple3<String, Long, Integer>> events(StreamExecutionEnvironment env) {
        List<Tuple3<String, Long, Integer>> events = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            long timestamp = i * 37L + random.nextInt(2_000);
            events.add(Tuple3.of("k" + random.nextInt(13), timestamp, random.nextInt(100)));
        }
        return env.fromCollection(events).assignTimestampsAndWatermarks(WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forBoundedOutOfOrderness(Duration.ofSeconds(3))
                .withTimestampAssigner((event, previous) -> event.f1));
    }

    private static List<String> windowResults(RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = env(mode, 2);
        CollectSink<String> sink = sink();
        DataStream<Tuple3<String, Long, Integer>> events = events(env);
        events.keyBy(event -> event.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .sum(2)
                .map(result -> "tumbling " + result.f0 + " " + result.f2)
                .addSink(sink);
        events.keyBy(event -> event.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(300)))
                .process(new WindowITCase.WindowDescription())
                .map(result -> "session " + result)
                .addSink(sink);
        env.execute(mode + " windows");
        return sink.results();
    }

    @Test
    void eventTimeWindowsGiveTheSameResultsInBatchAsInStreaming() throws Exception {
        List<String> streaming = windowResults(RuntimeExecutionMode.STREAMING);
        List<String> batch = windowResults(RuntimeExecutionMode.BATCH);

        assertThat(streaming).anyMatch(result -> result.startsWith("tumbling"))
                .anyMatch(result -> result.startsWith("session"));
        assertThat(batch).containsExactlyInAnyOrderElementsOf(streaming);
    }

    @Test
    void eachKeysTimersFireWhenItsRecordsAreDoneAsInStreaming() throws Exception {
        List<List<String>> results = new ArrayList<>();
        for (RuntimeExecutionMode mode : new RuntimeExecutionMode[] {RuntimeExecutionMode.STREAMING,
                RuntimeExecutionMode.BATCH}) {
            StreamExecutionEnvironment env = env(mode, 2);
            CollectSink<String> sink = sink();
            env.fromElements(Tuple2.of("a", 1_000L), Tuple2.of("b", 1_500L), Tuple2.of("a", 2_000L),
                            Tuple2.of("a", 1_200L), Tuple2.of("b", 9_000L))
                    .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
                            Duration.ofSeconds(1)).withTimestampAssigner((event, previous) -> event.f1))
                    .keyBy(event -> event.f0)
                    .process(new DataStreamITCase.TimerPerKey())
                    .addSink(sink).setParallelism(1);
            env.execute(mode + " timers");
            results.add(sink.results());
        }
        assertThat(results.get(1)).containsExactlyInAnyOrder("a@1010 count=3", "a@1210 count=3", "a@2010 count=3",
                "b@1510 count=2", "b@9010 count=2");
        assertThat(results.get(1)).containsExactlyInAnyOrderElementsOf(results.get(0));
        assertThat(results.get(1)).filteredOn(result -> result.startsWith("a@"))
                .as("one key's timers fire in timestamp order").containsExactly("a@1010 count=3", "a@1210 count=3",
                        "a@2010 count=3");
    }

    @Test
    void keyedConnectedStreamsSeeBothInputsOfAKeyTogether() throws Exception {
        StreamExecutionEnvironment env = env(RuntimeExecutionMode.BATCH, 2);
        CollectSink<String> sink = sink();
        DataStream<Tuple2<String, Integer>> prices = env.fromElements(Tuple2.of("apple", 3), Tuple2.of("pear", 5),
                Tuple2.of("plum", 7));
        DataStream<Tuple2<String, Integer>> orders = env.fromElements(Tuple2.of("pear", 2), Tuple2.of("apple", 10),
                Tuple2.of("pear", 1), Tuple2.of("fig", 4));
        prices.connect(orders)
                .keyBy(price -> price.f0, order -> order.f0)
                .process(new Revenue())
                .addSink(sink);
        env.execute("batch revenue");

        // per key: the price and the total of the orders, emitted when the key is done
        assertThat(sink.results()).containsExactlyInAnyOrder("apple 30", "pear 15", "plum 0", "fig no price");
    }

    /** Remembers a price and sums ordered amounts per key; reports revenue when the key's time ends. */
    static final class Revenue extends KeyedCoProcessFunction<String, Tuple2<String, Integer>,
            Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> price;
        private transient ValueState<Integer> amount;

        @Override
        public void open(Configuration parameters) {
            price = getRuntimeContext().getState(new ValueStateDescriptor<>("price", Integer.class));
            amount = getRuntimeContext().getState(new ValueStateDescriptor<>("amount", Integer.class));
        }

        @Override
        public void processElement1(Tuple2<String, Integer> value, Context ctx, Collector<String> out)
                throws Exception {
            price.update(value.f1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
        }

        @Override
        public void processElement2(Tuple2<String, Integer> value, Context ctx, Collector<String> out)
                throws Exception {
            amount.update((amount.value() == null ? 0 : amount.value()) + value.f1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            Integer unitPrice = price.value();
            int total = amount.value() == null ? 0 : amount.value();
            out.collect(ctx.getCurrentKey() + " " + (unitPrice == null ? "no price" : unitPrice * total));
        }
    }

    @Test
    void anInputLargerThanTheSortMemorySpillsAndStillSumsExactly() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(ExecutionOptions.SORTED_INPUTS_MEMORY, MemorySize.parse("256kb"));
        configuration.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        configuration.set(io.freshet.configuration.CoreOptions.DEFAULT_PARALLELISM, 2);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        CollectSink<Tuple2<Long, Long>> sink = sink();
        int records = 300_000;
        env.fromSequence(0, records - 1)
                .map(value -> Tuple2.of(value % 1_000, value))
                .returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(value -> value.f0)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .addSink(sink);
        env.execute("spilling batch sum");

        Map<Long, Long> expected = new HashMap<>();
        for (long value = 0; value < records; value++) {
            expected.merge(value % 1_000, value, Long::sum);
        }
        Map<Long, Long> sums = new HashMap<>();
        for (Tuple2<Long, Long> result : sink.results()) {
            assertThat(sums.put(result.f0, result.f1)).as("one result per key").isNull();
        }
        assertThat(sums).isEqualTo(expected);
    }

    /** A source that runs until it is cancelled. */
    static final class Endless implements SourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            long i = 0;
            while (running) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(i++);
                }
                Thread.sleep(1);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
