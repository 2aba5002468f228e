package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.datastream.KeyedStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.co.ProcessJoinFunction;
import io.freshet.streaming.api.windowing.time.Time;
import io.freshet.util.Collector;

/** Interval joins of two keyed streams on the embedded MiniCluster. */
class IntervalJoinITCase {

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(java.util.UUID.randomUUID().toString());
    }

    /** (key, timestamp) records, timestamped and keyed by key. */
    @SafeVarargs
    private static KeyedStream<Tuple2<String, Long>, String> keyed(StreamExecutionEnvironment env,
            Tuple2<String, Long>... records) {
        return env.fromElements(records).assignTimestampsAndWatermarks(WatermarkStrategy
                .<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(e -> e.f0);
    }

    private static KeyedStream<Tuple2<String, Long>, String> left(StreamExecutionEnvironment env) {
        return keyed(env, Tuple2.of("a", 1_000L), Tuple2.of("b", 2_000L), Tuple2.of("a", 5_000L));
    }

    private static KeyedStream<Tuple2<String, Long>, String> right(StreamExecutionEnvironment env) {
        return keyed(env, Tuple2.of("a", 0L), Tuple2.of("a", 1_500L), Tuple2.of("b", 2_500L),
                Tuple2.of("a", 3_000L), Tuple2.of("a", 6_000L));
    }

    /** "key left-right @timestamp". */
    static final class Pair extends ProcessJoinFunction<Tuple2<String, Long>, Tuple2<String, Long>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Tuple2<String, Long> left, Tuple2<String, Long> right, Context ctx,
                Collector<String> out) {
            out.collect(left.f0 + " " + left.f1 + "-" + right.f1 + " @" + ctx.getTimestamp());
        }
    }

    @Test
    void eachLeftRecordMeetsTheRightRecordsWithinItsInterval() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();

        left(env).intervalJoin(right(env))
                .between(Duration.ofSeconds(-1), Duration.ofSeconds(1))
                .process(new Pair())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactlyInAnyOrder("a 1000-0 @1000", "a 1000-1500 @1500",
                "b 2000-2500 @2500", "a 5000-6000 @6000");
    }

    @Test
    void exclusiveBoundsLeaveOutPairsOnTheBounds() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();

        left(env).intervalJoin(right(env))
                .between(Time.seconds(-1), Time.seconds(1))
                .lowerBoundExclusive()
                .upperBoundExclusive()
                .process(new Pair())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactlyInAnyOrder("a 1000-1500 @1500", "b 2000-2500 @2500");
    }

    @Test
    void theJoinedRecordsCarryTheLaterTimestampIntoEventTimeOperators() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<Long> sink = sink();

        left(env).intervalJoin(right(env))
                .between(Duration.ZERO, Duration.ofSeconds(2))
                .process(new Pair())
                .windowAll(io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows.of(
                        Duration.ofSeconds(10)))
                .process(new io.freshet.streaming.api.functions.windowing.ProcessAllWindowFunction<String, Long,
                        io.freshet.streaming.api.windowing.windows.TimeWindow>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void process(Context context, Iterable<String> elements, Collector<Long> out) {
                        long count = 0;
                        for (String ignored : elements) {
                            count++;
                        }
                        out.collect(count);
                    }
                })
                .addSink(sink);
        env.execute();

        // a 1000 meets 1500 and 3000, b 2000 meets 2500, a 5000 meets 6000: all in [0,10000)
        assertThat(sink.results()).containsExactly(4L);
    }

    @Test
    void boundsAreChecked() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        KeyedStream<Tuple2<String, Long>, String> left = left(env);
        KeyedStream<Tuple2<String, Long>, String> right = right(env);

        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower bound")
                .hasMessageContaining("2000 ms").hasMessageContaining("1000 ms");
        assertThatThrownBy(() -> left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO)
                .lowerBoundExclusive().process(new Pair())).hasMessageContaining("exclusive");
        assertThatThrownBy(() -> left.intervalJoin(right).inProcessingTime().between(Duration.ZERO,
                Duration.ZERO)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("event time");
        DataStream<Tuple2<Long, Long>> otherKeys = env.fromElements(Tuple2.of(1L, 1L));
        assertThatThrownBy(() -> left.intervalJoin((KeyedStream) otherKeys.keyBy(e -> e.f0)))
                .hasMessageContaining("String").hasMessageContaining("Long");
    }
}
