package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.source.SourceFunction;
import io.freshet.streaming.api.functions.windowing.ProcessWindowFunction;
import io.freshet.streaming.api.windowing.assigners.EventTimeSessionWindows;
import io.freshet.streaming.api.windowing.assigners.GlobalWindows;
import io.freshet.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.freshet.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import io.freshet.streaming.api.windowing.triggers.CountTrigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;
import io.freshet.util.Collector;

/** Windows of keyed and non-keyed streams on the embedded MiniCluster, checked against hand-computed results. */
class WindowITCase {

    /** (key, timestamp, value) events, in event-time order except where a test says otherwise. */
    @SafeVarargs
    private static DataStream<Tuple3<String, Long, Integer>> events(StreamExecutionEnvironment env,
            Tuple3<String, Long, Integer>... events) {
        return env.fromElements(events).assignTimestampsAndWatermarks(WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f1));
    }

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(java.util.UUID.randomUUID().toString());
    }

    @Test
    void tumblingEventTimeWindowsSumPerKeyAndWindow() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<Tuple3<String, Long, Integer>> sink = sink();

        events(env, Tuple3.of("a", 1_000L, 1), Tuple3.of("b", 1_500L, 10), Tuple3.of("a", 4_999L, 2),
                Tuple3.of("a", 5_000L, 4), Tuple3.of("b", 7_000L, 20), Tuple3.of("a", 12_000L, 8))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .sum(2)
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).extracting(e -> e.f0 + ":" + e.f2).containsExactlyInAnyOrder("a:3", "b:10", "a:4",
                "b:20", "a:8");
    }

    @Test
    void slidingWindowsCountEachRecordInEveryWindowItFallsInto() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();

        events(env, Tuple3.of("k", 1_000L, 1), Tuple3.of("k", 2_500L, 1), Tuple3.of("k", 4_000L, 1))
                .keyBy(e -> e.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .process(new WindowDescription())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactly("k [0,2000) 1", "k [1000,3000) 2", "k [2000,4000) 1",
                "k [3000,5000) 1", "k [4000,6000) 1");
    }

    /** "key [start,end) count" for every window. */
    static final class WindowDescription
            extends ProcessWindowFunction<Tuple3<String, Long, Integer>, String, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String key, Context context, Iterable<Tuple3<String, Long, Integer>> elements,
                Collector<String> out) {
            int count = 0;
            for (Tuple3<String, Long, Integer> ignored : elements) {
                count++;
            }
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") " + count);
        }
    }

    @Test
    void sessionWindowsMergeRecordsCloserThanTheGap() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();

        events(env, Tuple3.of("u", 1_000L, 1), Tuple3.of("u", 2_000L, 1), Tuple3.of("u", 2_900L, 1),
                Tuple3.of("u", 10_000L, 1), Tuple3.of("v", 2_000L, 1))
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofSeconds(1)))
                .process(new WindowDescription())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactlyInAnyOrder("u [1000,3900) 3", "u [10000,11000) 1",
                "v [2000,3000) 1");
    }

    @Test
    void dynamicSessionGapsComeFromTheRecords() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();

        // the value is the gap in seconds: [1000,2000), then [2500,4500) and [4000,5000) merge
        events(env, Tuple3.of("u", 1_000L, 1), Tuple3.of("u", 2_500L, 2), Tuple3.of("u", 4_000L, 1))
                .keyBy(e -> e.f0)
                .window(EventTimeSessionWindows.withDynamicGap(
                        (Tuple3<String, Long, Integer> e) -> e.f2 * 1_000L))
                .process(new WindowDescription())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactly("u [1000,2000) 1", "u [2500,5000) 2");
    }

    @Test
    void lateRecordsAreDroppedUnlessTheyArriveWithinTheAllowedLateness() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Tuple3<String, Long, Integer>> strict = sink();
        CollectSink<Tuple3<String, Long, Integer>> lenient = sink();
        // the watermark passes 5_000 at the record of 6_000; the records of 4_000 and 3_000 are late after it
        DataStream<Tuple3<String, Long, Integer>> input = env.fromElements(Tuple3.of("k", 1_000L, 1),
                        Tuple3.of("k", 6_000L, 10), Tuple3.of("k", 4_000L, 100), Tuple3.of("k", 20_000L, 1_000),
                        Tuple3.of("k", 3_000L, 10_000))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Long, Integer>>forGenerator(
                        context -> new PunctuatedWatermarks()).withTimestampAssigner((e, ts) -> e.f1));

        io.freshet.util.OutputTag<Tuple3<String, Long, Integer>> lateTag = new io.freshet.util.OutputTag<>("late",
                Types.TUPLE(Types.STRING, Types.LONG, Types.INT));
        CollectSink<Tuple3<String, Long, Integer>> late = sink();
        io.freshet.streaming.api.datastream.SingleOutputStreamOperator<Tuple3<String, Long, Integer>> strictSums =
                input.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                        .sideOutputLateData(lateTag).sum(2);
        strictSums.addSink(strict);
        strictSums.getSideOutput(lateTag).addSink(late);
        input.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .allowedLateness(Duration.ofSeconds(5)).sum(2).addSink(lenient);
        env.execute();

        assertThat(strict.results()).extracting(e -> e.f2).containsExactly(1, 10, 1_000);
        assertThat(late.results()).extracting(e -> e.f2).as("what the strict window dropped").containsExactly(100,
                10_000);
        // 4_000 arrives while the window [0,5000) is within its lateness: it fires again with the late record
        assertThat(lenient.results()).extracting(e -> e.f2).containsExactly(1, 101, 10, 1_000);
    }

    /** Emits a watermark of (timestamp - 1) after every record, so lateness is exact in the test. */
    static final class PunctuatedWatermarks
            implements io.freshet.api.common.eventtime.WatermarkGenerator<Tuple3<String, Long, Integer>> {
        @Override
        public void onEvent(Tuple3<String, Long, Integer> event, long eventTimestamp,
                io.freshet.api.common.eventtime.WatermarkOutput output) {
            output.emitWatermark(new io.freshet.api.common.eventtime.Watermark(eventTimestamp - 1));
        }

        @Override
        public void onPeriodicEmit(io.freshet.api.common.eventtime.WatermarkOutput output) {}
    }

    @Test
    void aCountTriggerFiresGlobalWindowsEveryNElements() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Tuple2<String, Integer>> sink = sink();

        env.fromElements(Tuple2.of("k", 1), Tuple2.of("k", 2), Tuple2.of("k", 3), Tuple2.of("k", 4), Tuple2.of("k", 5))
                .keyBy(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(CountTrigger.of(2))
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).extracting(e -> e.f1).containsExactly(3, 10);
    }

    @Test
    void anAggregateFunctionComputesAnAveragePerWindowAll() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<Double> sink = sink();

        events(env, Tuple3.of("a", 100L, 1), Tuple3.of("b", 200L, 2), Tuple3.of("c", 300L, 6),
                Tuple3.of("a", 1_100L, 10))
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new Average())
                .addSink(sink).setParallelism(1);
        env.execute();

        assertThat(sink.results()).containsExactly(3.0, 10.0);
    }

    /** The average of the values. */
    static final class Average implements AggregateFunction<Tuple3<String, Long, Integer>, long[], Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Tuple3<String, Long, Integer> value, long[] accumulator) {
            accumulator[0] += value.f2;
            accumulator[1]++;
            return accumulator;
        }

        @Override
        public Double getResult(long[] accumulator) {
            return (double) accumulator[0] / accumulator[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    @Test
    void processingTimeWindowsFireOnTheWallClock() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Integer> sink = sink();

        env.addSource(new NumbersThenWait(sink.id)).returns(Types.INT)
                .windowAll(TumblingProcessingTimeWindows.of(Duration.ofMillis(200)))
                .reduce(Integer::sum)
                .addSink(sink);
        env.execute();

        List<Integer> sums = sink.results();
        assertThat(sums).isNotEmpty();
        assertThat(sums.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1 + 2 + 3);
    }

    /** Emits 1, 2, 3, then waits (up to 30 s) until the sink with the given id got a result. */
    static final class NumbersThenWait implements SourceFunction<Integer> {
        private static final long serialVersionUID = 1L;
        private final String sinkId;
        private volatile boolean running = true;

        NumbersThenWait(String sinkId) {
            this.sinkId = sinkId;
        }

        @Override
        public void run(SourceContext<Integer> ctx) throws Exception {
            ctx.collect(1);
            ctx.collect(2);
            ctx.collect(3);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (running && DataStreamITCase.RESULTS.get(sinkId).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
