package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.functions.RichMapFunction;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.client.JobExecutionException;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.ProcessFunction;
import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.streaming.api.functions.source.SourceFunction;
import io.freshet.streaming.api.graph.StreamingJobGraphGenerator;
import io.freshet.util.Collector;

/**
 * DataStream programs run end to end on the embedded MiniCluster (the {@code local} target): sources, chained and
 * shuffled operators, keyed state and rolling aggregations, unions and partitionings, and the errors users meet.
 */
class DataStreamITCase {

    /** What the test sinks received, per sink id. */
    static final Map<String, Queue<Object>> RESULTS = new ConcurrentHashMap<>();

    /** Collects everything into {@link #RESULTS} under its id. */
    static final class CollectSink<T> implements SinkFunction<T> {
        private static final long serialVersionUID = 1L;
        final String id;

        CollectSink(String id) {
            this.id = id;
            RESULTS.put(id, new ConcurrentLinkedQueue<>());
        }

        @Override
        public void invoke(T value, Context context) {
            RESULTS.get(id).add(value);
        }

        @SuppressWarnings("unchecked")
        List<T> results() {
            return new ArrayList<>((Queue<T>) RESULTS.get(id));
        }
    }

    private static StreamExecutionEnvironment env(int parallelism) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    }

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(UUID.randomUUID().toString());
    }

    @Test
    void wordCountEmitsARunningCountPerWord() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<Tuple2<String, Integer>> sink = sink();

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
        env.execute("word count");

        List<Tuple2<String, Integer>> results = sink.results();
        assertThat(results).hasSize(12);
        Map<String, Integer> finalCounts = new HashMap<>();
        for (Tuple2<String, Integer> result : results) {
            finalCounts.merge(result.f0, result.f1, Math::max);
        }
        assertThat(finalCounts).containsEntry("to", 3).containsEntry("be", 3).containsEntry("or", 1)
                .containsEntry("question", 1).hasSize(8);
        assertThat(results).filteredOn(result -> result.f0.equals("to")).extracting(result -> result.f1)
                .as("the running counts of one key arrive in order").containsExactly(1, 2, 3);
    }

    @Test
    void aParallelSequenceIsSplitAndEveryNumberArrivesOnce() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<Long> sink = sink();

        env.fromSequence(1, 10_000).map(value -> value * 2).rebalance().filter(value -> value % 4 == 0).addSink(sink);
        env.execute();

        List<Long> results = sink.results();
        assertThat(results).hasSize(5_000).doesNotHaveDuplicates().allMatch(value -> value % 4 == 0);
        assertThat(results.stream().mapToLong(Long::longValue).sum()).isEqualTo(4L * (5_000L * 5_001L / 2));
    }

    @Test
    void keyedStateInARichFunctionIsScopedToTheKey() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<String> sink = sink();

        env.fromElements("a", "b", "a", "c", "a", "b")
                .keyBy(value -> value)
                .map(new CountingMap())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactlyInAnyOrder("a#1", "b#1", "a#2", "c#1", "a#3", "b#2");
    }

    /** Counts the records of each key in a ValueState and tags each record with its count. */
    static final class CountingMap extends RichMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public String map(String value) throws Exception {
            int next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            return value + "#" + next;
        }
    }

    @Test
    void mapAndListStateThroughTheRuntimeContext() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<String> sink = sink();

        env.fromElements(Tuple2.of("k", "x"), Tuple2.of("k", "y"), Tuple2.of("k", "x"), Tuple2.of("j", "x"))
                .keyBy(value -> value.f0)
                .map(new DistinctCounter())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactlyInAnyOrder("k:1 [x]", "k:2 [x, y]", "k:2 [x, y, x]", "j:1 [x]");
    }

    /** Distinct values per key in a MapState, all values in a ListState. */
    static final class DistinctCounter extends RichMapFunction<Tuple2<String, String>, String> {
        private static final long serialVersionUID = 1L;
        private transient io.freshet.api.common.state.MapState<String, Boolean> seen;
        private transient io.freshet.api.common.state.ListState<String> all;

        @Override
        public void open(Configuration parameters) {
            seen = getRuntimeContext().getMapState(new io.freshet.api.common.state.MapStateDescriptor<>("seen",
                    String.class, Boolean.class));
            all = getRuntimeContext().getListState(new io.freshet.api.common.state.ListStateDescriptor<>("all",
                    String.class));
        }

        @Override
        public String map(Tuple2<String, String> value) throws Exception {
            seen.put(value.f1, true);
            all.add(value.f1);
            int distinct = 0;
            for (String ignored : seen.keys()) {
                distinct++;
            }
            return value.f0 + ":" + distinct + " " + all.get();
        }
    }

    @Test
    void unionAndBroadcastDeliverEveryRecordWhereTheySay() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<Integer> unionSink = sink();
        CollectSink<Integer> broadcastSink = sink();

        DataStream<Integer> first = env.fromElements(1, 2, 3);
        DataStream<Integer> second = env.fromElements(10, 20);
        first.union(second).addSink(unionSink).setParallelism(1);
        env.fromElements(7, 8).broadcast().addSink(broadcastSink).setParallelism(2);
        env.execute();

        assertThat(unionSink.results()).containsExactlyInAnyOrder(1, 2, 3, 10, 20);
        assertThat(broadcastSink.results()).containsExactlyInAnyOrder(7, 7, 8, 8);
    }

    @Test
    void minMaxAndTheirByVariantsFollowFlink() throws Exception {
        StreamExecutionEnvironment env = env(1);
        CollectSink<Tuple2<String, Integer>> min = sink();
        CollectSink<Tuple2<String, Integer>> maxBy = sink();
        DataStream<Tuple2<String, Integer>> input = env.fromElements(Tuple2.of("k", 5), Tuple2.of("k", 3),
                Tuple2.of("k", 9));

        input.keyBy(value -> value.f0).min(1).addSink(min);
        input.keyBy(value -> value.f0).maxBy(1).addSink(maxBy);
        env.execute();

        assertThat(min.results()).extracting(value -> value.f1).containsExactly(5, 3, 3);
        assertThat(maxBy.results()).extracting(value -> value.f1).containsExactly(5, 5, 9);
    }

    @Test
    void operatorsWithTheSameParallelismAndForwardEdgesAreChained() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(0, 10).map(value -> value + 1).filter(value -> value > 3)
                .keyBy(value -> value % 2).reduce(Long::sum).map(value -> value).disableChaining()
                .addSink(sink());

        JobGraph jobGraph = StreamingJobGraphGenerator.createJobGraph(env.getStreamGraph());

        List<String> names = new ArrayList<>();
        for (JobVertex vertex : jobGraph.getVerticesSortedTopologicallyFromSources()) {
            names.add(vertex.getName());
        }
        assertThat(names).containsExactly("Source: Sequence Source -> Map -> Filter", "Keyed Reduce", "Map",
                "Sink: Unnamed");
    }

    @Test
    void aUidGivesTheSameVertexIdInEveryTranslation() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            StreamExecutionEnvironment env = env(1);
            env.fromElements(1, 2).uid("numbers").map(value -> value).addSink(sink());
            ids.add(StreamingJobGraphGenerator.createJobGraph(env.getStreamGraph())
                    .getVerticesSortedTopologicallyFromSources().get(0).getID().toString());
        }
        assertThat(ids.get(0)).isEqualTo(ids.get(1));
    }

    @Test
    void aFailingFunctionFailsTheJobWithItsException() {
        StreamExecutionEnvironment env = env(1);
        env.fromElements("1", "2", "x").map(Integer::parseInt).addSink(sink());

        assertThatThrownBy(() -> env.execute("parse numbers")).isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("parse numbers").hasMessageContaining("For input string: \"x\"");
    }

    @Test
    void anErasedLambdaTypeAsksForReturnsNamingTheFunction() {
        StreamExecutionEnvironment env = env(1);

        assertThatThrownBy(() -> env.fromElements("a").map(value -> Tuple2.of(value, 1)).keyBy(value -> value.f0))
                .isInstanceOf(InvalidTypesException.class).hasMessageContaining("returns(");
    }

    @Test
    void aFunctionThatCannotBeShippedIsRefusedWhenTheProgramIsBuilt() {
        StreamExecutionEnvironment env = env(1);
        Object notSerializable = new Object();

        assertThatThrownBy(() -> env.fromElements("a").map(value -> value + notSerializable))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not serializable")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void forwardBetweenDifferentParallelismsIsRefused() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(0, 10).forward().map(value -> value).setParallelism(1).addSink(sink());

        assertThatThrownBy(() -> StreamingJobGraphGenerator.createJobGraph(env.getStreamGraph()))
                .hasMessageContaining("Forward partitioning does not allow change of parallelism");
    }

    @Test
    void eventTimeTimersFireInTimestampOrderWhenTheWatermarkPasses() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<String> sink = sink();

        env.fromElements(Tuple2.of("a", 1_000L), Tuple2.of("b", 1_500L), Tuple2.of("a", 2_000L),
                        Tuple2.of("a", 1_200L), Tuple2.of("b", 9_000L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(
                        Duration.ofSeconds(1)).withTimestampAssigner((event, previous) -> event.f1))
                .keyBy(event -> event.f0)
                .process(new TimerPerKey())
                .addSink(sink).setParallelism(1);
        env.execute();

        // a: three events, one timer at 2_000 + 10 (the latest registration per time is one timer each);
        // b: timers at 1_510 and 9_010, fired by the final watermark at the end of the input
        assertThat(sink.results()).containsExactlyInAnyOrder("a@1010 count=3", "a@1210 count=3", "a@2010 count=3",
                "b@1510 count=2", "b@9010 count=2");
        List<String> a = sink.results().stream().filter(result -> result.startsWith("a@")).collect(
                java.util.stream.Collectors.toList());
        assertThat(a).as("one key's timers fire in timestamp order").containsExactly("a@1010 count=3",
                "a@1210 count=3", "a@2010 count=3");
    }

    /** Counts per key and sets an event-time timer 10 ms after each record; onTimer reports the count. */
    static final class TimerPerKey extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> count;

        @Override
        public void open(Configuration parameters) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            assertThat(ctx.timestamp()).isEqualTo(value.f1);
            ctx.timerService().registerEventTimeTimer(value.f1 + 10);
            ctx.timerService().registerEventTimeTimer(value.f1 + 10);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            assertThat(ctx.timeDomain()).isEqualTo(io.freshet.streaming.api.TimeDomain.EVENT_TIME);
            out.collect(ctx.getCurrentKey() + "@" + timestamp + " count=" + count.value());
        }
    }

    @Test
    void aProcessingTimeTimerFiresInTheTaskThread() throws Exception {
        StreamExecutionEnvironment env = env(1);
        CollectSink<String> sink = sink();
        env.addSource(new OneThenWait(sink.id)).returns(String.class)
                .keyBy(value -> value)
                .process(new KeyedProcessFunction<String, String, String>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        ctx.timerService().registerProcessingTimeTimer(
                                ctx.timerService().currentProcessingTime() + 50);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain());
                    }
                })
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactly("x PROCESSING_TIME");
    }

    /** Emits "x", then waits (up to 30 s) until the sink with the given id got something, then ends. */
    static final class OneThenWait implements SourceFunction<String> {
        private static final long serialVersionUID = 1L;
        private final String sinkId;
        private volatile boolean running = true;

        OneThenWait(String sinkId) {
            this.sinkId = sinkId;
        }

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            ctx.collect("x");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (running && RESULTS.get(sinkId).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    @Test
    void timersOnANonKeyedStreamAreRefusedNamingKeyBy() {
        StreamExecutionEnvironment env = env(1);
        env.fromElements("a").process(new ProcessFunction<String, String>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(1);
            }
        }).addSink(sink());

        assertThatThrownBy(env::execute).hasMessageContaining("only supported on a keyed streams");
    }

    @Test
    void sideOutputsReachTheirConsumersChainedAndOverTheNetwork() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<Long> evens = sink();
        CollectSink<String> odds = sink();
        CollectSink<String> oddsElsewhere = sink();
        io.freshet.util.OutputTag<String> oddTag = new io.freshet.util.OutputTag<>("odd", Types.STRING);

        io.freshet.streaming.api.datastream.SingleOutputStreamOperator<Long> split = env.fromSequence(1, 100)
                .process(new ProcessFunction<Long, Long>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(Long value, Context ctx, Collector<Long> out) {
                        if (value % 2 == 0) {
                            out.collect(value);
                        } else {
                            ctx.output(oddTag, "odd " + value);
                        }
                    }
                });
        split.addSink(evens);
        split.getSideOutput(oddTag).addSink(odds);
        split.getSideOutput(oddTag).addSink(oddsElsewhere).setParallelism(1);
        env.execute();

        assertThat(evens.results()).hasSize(50).allMatch(value -> value % 2 == 0);
        assertThat(odds.results()).hasSize(50).allMatch(value -> value.startsWith("odd "));
        assertThat(oddsElsewhere.results()).containsExactlyInAnyOrderElementsOf(odds.results());
    }

    @Test
    void connectedStreamsMapBothInputsAndKeyedOnesShareStatePerKey() throws Exception {
        StreamExecutionEnvironment env = env(2);
        CollectSink<String> mapped = sink();
        CollectSink<String> joined = sink();
        DataStream<Integer> numbers = env.fromElements(1, 2, 3);
        DataStream<String> words = env.fromElements("a", "b");

        numbers.connect(words).map(new io.freshet.streaming.api.functions.co.CoMapFunction<Integer, String, String>() {
            private static final long serialVersionUID = 1L;

            @Override
            public String map1(Integer value) {
                return "int " + value;
            }

            @Override
            public String map2(String value) {
                return "string " + value;
            }
        }).addSink(mapped);

        DataStream<Tuple2<String, Integer>> prices = env.fromElements(Tuple2.of("apple", 3), Tuple2.of("pear", 5));
        DataStream<Tuple2<String, Integer>> orders = env.fromElements(Tuple2.of("apple", 2), Tuple2.of("pear", 1),
                Tuple2.of("apple", 10));
        prices.connect(orders).keyBy(price -> price.f0, order -> order.f0).process(new PriceJoin()).addSink(joined);
        env.execute();

        assertThat(mapped.results()).containsExactlyInAnyOrder("int 1", "int 2", "int 3", "string a", "string b");
        assertThat(joined.results()).containsExactlyInAnyOrder("apple 6", "pear 5", "apple 30");
    }

    /** Keeps the price of each item and prices its orders, whichever arrives first (orders wait for the price). */
    static final class PriceJoin extends io.freshet.streaming.api.functions.co.KeyedCoProcessFunction<String,
            Tuple2<String, Integer>, Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> price;
        private transient io.freshet.api.common.state.ListState<Integer> waiting;

        @Override
        public void open(Configuration parameters) {
            price = getRuntimeContext().getState(new ValueStateDescriptor<>("price", Integer.class));
            waiting = getRuntimeContext().getListState(new io.freshet.api.common.state.ListStateDescriptor<>(
                    "waiting", Integer.class));
        }

        @Override
        public void processElement1(Tuple2<String, Integer> value, Context ctx, Collector<String> out)
                throws Exception {
            price.update(value.f1);
            for (Integer quantity : waiting.get()) {
                out.collect(ctx.getCurrentKey() + " " + quantity * value.f1);
            }
            waiting.clear();
        }

        @Override
        public void processElement2(Tuple2<String, Integer> value, Context ctx, Collector<String> out)
                throws Exception {
            if (price.value() == null) {
                waiting.add(value.f1);
            } else {
                out.collect(ctx.getCurrentKey() + " " + value.f1 * price.value());
            }
        }
    }

    @Test
    void anEndlessSourceRunsUntilTheJobIsCancelled() throws Exception {
        StreamExecutionEnvironment env = env(1);
        CollectSink<Long> sink = sink();
        env.addSource(new EndlessSource()).returns(Long.class).addSink(sink);

        var client = env.executeAsync("endless");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (sink.results().size() < 100) {
            assertThat(System.nanoTime()).as("records arrive while the source runs").isLessThan(deadline);
            Thread.sleep(10);
        }
        client.cancel().get();

        assertThatThrownBy(() -> client.getJobExecutionResult().get()).hasMessageContaining("cancel");
    }

    /** Emits increasing numbers, slowly, until cancelled. */
    static final class EndlessSource implements SourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            long next = 0;
            while (running) {
                ctx.collect(next++);
                Thread.sleep(1);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
