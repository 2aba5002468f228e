package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.windowing.AllWindowFunction;
import io.freshet.streaming.api.windowing.assigners.GlobalWindows;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.freshet.streaming.api.windowing.evictors.CountEvictor;
import io.freshet.streaming.api.windowing.evictors.DeltaEvictor;
import io.freshet.streaming.api.windowing.evictors.TimeEvictor;
import io.freshet.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.CountTrigger;
import io.freshet.streaming.api.windowing.triggers.DeltaTrigger;
import io.freshet.streaming.api.windowing.windows.GlobalWindow;
import io.freshet.streaming.api.windowing.windows.TimeWindow;
import io.freshet.util.Collector;

/** Evictors, count windows and the continuous and delta triggers on the embedded MiniCluster. */
class EvictorAndTriggerITCase {

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(java.util.UUID.randomUUID().toString());
    }

    /** ("k", i) for i in 1..n. */
    private static DataStream<Tuple2<String, Integer>> numbers(StreamExecutionEnvironment env, int n) {
        @SuppressWarnings("unchecked")
        Tuple2<String, Integer>[] values = new Tuple2[n];
        for (int i = 0; i < n; i++) {
            values[i] = Tuple2.of("k", i + 1);
        }
        return env.fromElements(values);
    }

    /** (key, timestamp, value) events with a watermark of timestamp - 1 after each, so firings are exact. */
    @SafeVarargs
    private static DataStream<Tuple3<String, Long, Integer>> punctuated(StreamExecutionEnvironment env,
            Tuple3<String, Long, Integer>... events) {
        return env.fromElements(events).assignTimestampsAndWatermarks(WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forGenerator(context -> new WindowITCase.PunctuatedWatermarks())
                .withTimestampAssigner((e, ts) -> e.f1));
    }

    @Test
    void aTumblingCountWindowFiresAndEmptiesWhenFull() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<Tuple2<String, Integer>> sink = sink();

        numbers(env, 7).keyBy(e -> e.f0).countWindow(3).sum(1).addSink(sink);
        env.execute();

        // 7 never fills its window, which never fires
        assertThat(sink.results()).extracting(e -> e.f1).containsExactly(1 + 2 + 3, 4 + 5 + 6);
    }

    @Test
    void aSlidingCountWindowSumsTheLastSizeElementsEverySlideElements() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<Tuple2<String, Integer>> sink = sink();

        numbers(env, 6).keyBy(e -> e.f0).countWindow(3, 2).sum(1).addSink(sink);
        env.execute();

        assertThat(sink.results()).extracting(e -> e.f1).containsExactly(1 + 2, 2 + 3 + 4, 4 + 5 + 6);
    }

    @Test
    void countWindowAllCountsOverTheWholeStream() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Integer> sink = sink();
        CollectSink<Integer> sliding = sink();

        DataStream<Integer> input = env.fromElements(1, 2, 3, 4, 5);
        input.countWindowAll(2).reduce(Integer::sum).addSink(sink);
        input.countWindowAll(2, 1).reduce(Integer::sum).addSink(sliding);
        env.execute();

        assertThat(sink.results()).containsExactly(3, 7);
        assertThat(sliding.results()).containsExactly(1, 3, 5, 7, 9);
    }

    @Test
    void countWindowsRejectSizesBelowOne() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Integer> input = env.fromElements(1, 2);
        assertThatThrownBy(() -> input.keyBy(v -> v).countWindow(0)).hasMessageContaining("countWindow")
                .hasMessageContaining("size").hasMessageContaining("0");
        assertThatThrownBy(() -> input.keyBy(v -> v).countWindow(3, -1)).hasMessageContaining("slide")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> input.countWindowAll(-2)).hasMessageContaining("countWindowAll")
                .hasMessageContaining("-2");
    }

    @Test
    void aReduceUnderAnEvictorSeesOnlyWhatTheEvictorLeaves() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Tuple3<String, Long, Integer>> reduced = sink();
        CollectSink<Double> averaged = sink();

        DataStream<Tuple3<String, Long, Integer>> input = punctuated(env, Tuple3.of("k", 1_000L, 1),
                Tuple3.of("k", 2_000L, 2), Tuple3.of("k", 3_000L, 4), Tuple3.of("k", 4_000L, 8),
                Tuple3.of("k", 12_000L, 16));
        input.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .evictor(CountEvictor.of(2)).sum(2).addSink(reduced);
        input.keyBy(e -> e.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .evictor(CountEvictor.of(3)).aggregate(new Average()).addSink(averaged);
        env.execute();

        assertThat(reduced.results()).extracting(e -> e.f2).containsExactly(4 + 8, 16);
        assertThat(averaged.results()).containsExactly((2 + 4 + 8) / 3.0, 16.0);
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
    void aTimeEvictorKeepsTheElementsCloseToTheNewest() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();

        punctuated(env, Tuple3.of("k", 1_000L, 1), Tuple3.of("k", 5_000L, 5), Tuple3.of("k", 8_000L, 8),
                Tuple3.of("k", 9_000L, 9))
                .windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .evictor(TimeEvictor.of(Duration.ofSeconds(2)))
                .apply(new Values())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactly("[0,10000) 8 9");
    }

    /** "[start,end) v1 v2 ..." per window. */
    static final class Values implements AllWindowFunction<Tuple3<String, Long, Integer>, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void apply(TimeWindow window, Iterable<Tuple3<String, Long, Integer>> values, Collector<String> out) {
            StringBuilder result = new StringBuilder("[" + window.getStart() + "," + window.getEnd() + ")");
            values.forEach(value -> result.append(' ').append(value.f2));
            out.collect(result.toString());
        }
    }

    @Test
    void deltaAndCountEvictorsBeforeAndAfterTheWindowFunction() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Integer> delta = sink();
        CollectSink<Integer> after = sink();

        DataStream<Integer> input = env.fromElements(1, 10, 8, 12);
        input.windowAll(GlobalWindows.create()).trigger(CountTrigger.of(4))
                .evictor(DeltaEvictor.of(5.0, (Integer a, Integer b) -> Math.abs(a - b)))
                .reduce(Integer::sum).addSink(delta);
        // keeps the last element after each firing: [1,10] -> 11, then [10,8,12] -> 30
        input.windowAll(GlobalWindows.create()).trigger(CountTrigger.of(2))
                .evictor(CountEvictor.of(1, true))
                .reduce(Integer::sum).addSink(after);
        env.execute();

        assertThat(delta.results()).as("1 is 11 away from the last element, 12").containsExactly(10 + 8 + 12);
        assertThat(after.results()).containsExactly(1 + 10, 10 + 8 + 12);
    }

    @Test
    void aContinuousEventTimeTriggerFiresEveryIntervalAndAtTheEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Tuple3<String, Long, Integer>> sink = sink();

        punctuated(env, Tuple3.of("k", 1_000L, 1), Tuple3.of("k", 3_000L, 2), Tuple3.of("k", 4_500L, 4),
                Tuple3.of("k", 9_000L, 8), Tuple3.of("k", 12_000L, 16))
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofSeconds(2)))
                .sum(2)
                .addSink(sink);
        env.execute();

        // window [0,10000): at 2000 (watermark 2999), 4000, 6000 and 8000 (watermark 8999), and its end 9999;
        // window [10000,20000): at 14000, 16000, 18000 and its end, when the input ends
        assertThat(sink.results()).extracting(e -> e.f2).containsExactly(3, 7, 15, 15, 15, 16, 16, 16, 16);
    }

    @Test
    void aDeltaTriggerFiresWhenAnElementMovesFarFromTheLastFiring() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<Integer> sink = sink();

        env.fromElements(1, 3, 7, 8, 20)
                .windowAll(GlobalWindows.create())
                .trigger(DeltaTrigger.<Integer, GlobalWindow>of(5.0, (a, b) -> Math.abs(a - b),
                        Types.INT.createSerializer(new ExecutionConfig())))
                .reduce(Integer::sum)
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactly(1 + 3 + 7, 1 + 3 + 7 + 8 + 20);
    }
}
