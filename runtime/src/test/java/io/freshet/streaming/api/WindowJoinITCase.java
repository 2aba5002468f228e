package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.CoGroupFunction;
import io.freshet.api.common.functions.OpenContext;
import io.freshet.api.common.functions.RichJoinFunction;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.datastream.JoinedStreams;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.windowing.assigners.GlobalWindows;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.freshet.streaming.api.windowing.evictors.TimeEvictor;
import io.freshet.streaming.api.windowing.triggers.CountTrigger;
import io.freshet.util.Collector;

/** Window joins and coGroups of two streams on the embedded MiniCluster. */
class WindowJoinITCase {

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(java.util.UUID.randomUUID().toString());
    }

    @SafeVarargs
    private static DataStream<Tuple3<String, Long, Integer>> events(StreamExecutionEnvironment env,
            Tuple3<String, Long, Integer>... events) {
        return env.fromElements(events).assignTimestampsAndWatermarks(WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forMonotonousTimestamps().withTimestampAssigner((e, ts) -> e.f1));
    }

    /** (key, timestamp, value): a at 1, 3 (window [0,5000)) and 6 (window [5000,10000)); b at 2. */
    private static DataStream<Tuple3<String, Long, Integer>> left(StreamExecutionEnvironment env) {
        return events(env, Tuple3.of("a", 1_000L, 1), Tuple3.of("b", 2_000L, 2), Tuple3.of("a", 3_000L, 3),
                Tuple3.of("a", 6_000L, 4));
    }

    /** a at 1.5 and 4 (window [0,5000)) and 7; b at 7 (window [5000,10000)). */
    private static DataStream<Tuple3<String, Long, Integer>> right(StreamExecutionEnvironment env) {
        return events(env, Tuple3.of("a", 1_500L, 10), Tuple3.of("a", 4_000L, 20), Tuple3.of("b", 7_000L, 30),
                Tuple3.of("a", 7_000L, 40));
    }

    @Test
    void aWindowJoinPairsTheRecordsOfOneKeyAndWindow() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();

        left(env).join(right(env))
                .where(e -> e.f0)
                .equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .apply(new Describe())
                .addSink(sink);
        env.execute();

        // b has no partner in either window: an inner join emits nothing for it
        assertThat(sink.results()).containsExactlyInAnyOrder("a:1-10", "a:1-20", "a:3-10", "a:3-20", "a:4-40");
    }

    /** "key:left-right"; opened before the first pair. */
    static final class Describe
            extends RichJoinFunction<Tuple3<String, Long, Integer>, Tuple3<String, Long, Integer>, String> {
        private static final long serialVersionUID = 1L;
        private transient String separator;

        @Override
        public void open(OpenContext openContext) {
            separator = "-";
        }

        @Override
        public String join(Tuple3<String, Long, Integer> first, Tuple3<String, Long, Integer> second) {
            return first.f0 + ":" + first.f2 + separator + second.f2;
        }
    }

    @Test
    void joinLambdasTakeTheirResultTypeFromApplyOrReturns() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<Integer> products = sink();
        CollectSink<Integer> sums = sink();
        DataStream<Tuple3<String, Long, Integer>> left = left(env);
        DataStream<Tuple3<String, Long, Integer>> right = right(env);

        left.join(right).where(e -> e.f0).equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .apply((Tuple3<String, Long, Integer> l, Tuple3<String, Long, Integer> r, Collector<Integer> out) -> {
                    if (r.f2 >= 20) {
                        out.collect(l.f2 * r.f2);
                    }
                }, Types.INT)
                .addSink(products);
        left.join(right).where(e -> e.f0).equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .with((Tuple3<String, Long, Integer> l, Tuple3<String, Long, Integer> r) -> l.f2 + r.f2)
                .returns(Types.INT)
                .addSink(sums);
        env.execute();

        assertThat(products.results()).containsExactlyInAnyOrder(20, 60, 160);
        assertThat(sums.results()).containsExactlyInAnyOrder(11, 21, 13, 23, 44);
    }

    @Test
    void aCoGroupSeesBothSidesOfEveryKeyAndWindowEvenWhenOneIsEmpty() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();

        left(env).coGroup(right(env))
                .where(e -> e.f0)
                .equalTo(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .apply(new Sides())
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactlyInAnyOrder("a [1, 3] [10, 20]", "b [2] []", "a [4] [40]",
                "b [] [30]");
    }

    /** "key [left values] [right values]", values sorted. */
    static final class Sides implements CoGroupFunction<Tuple3<String, Long, Integer>,
            Tuple3<String, Long, Integer>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void coGroup(Iterable<Tuple3<String, Long, Integer>> first,
                Iterable<Tuple3<String, Long, Integer>> second, Collector<String> out) {
            String key = null;
            List<Integer> left = new ArrayList<>();
            List<Integer> right = new ArrayList<>();
            for (Tuple3<String, Long, Integer> e : first) {
                key = e.f0;
                left.add(e.f2);
            }
            for (Tuple3<String, Long, Integer> e : second) {
                key = e.f0;
                right.add(e.f2);
            }
            // the sources are rebalanced to the timestamp assigners: a side's records may arrive in any order
            left.sort(null);
            right.sort(null);
            out.collect(key + " " + left + " " + right);
        }
    }

    @Test
    void aJoinOverGlobalWindowsFollowsItsTriggerAndEvictor() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();

        // one key; the window fires at its 4th record and keeps what is within 5 s of the newest (9000)
        DataStream<Tuple3<String, Long, Integer>> left = events(env, Tuple3.of("k", 6_000L, 1));
        DataStream<Tuple3<String, Long, Integer>> right = events(env, Tuple3.of("k", 1_000L, 10),
                Tuple3.of("k", 5_000L, 20), Tuple3.of("k", 9_000L, 30));
        left.join(right).where(e -> e.f0).equalTo(e -> e.f0)
                .window(GlobalWindows.create())
                .trigger(CountTrigger.of(4))
                .evictor(TimeEvictor.of(Duration.ofSeconds(5)))
                .apply((l, r) -> l.f2 + "-" + r.f2, Types.STRING)
                .addSink(sink);
        env.execute();

        assertThat(sink.results()).containsExactlyInAnyOrder("1-20", "1-30");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void keysOfDifferentTypesAreRefusedNamingBoth() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        JoinedStreams.Where where = left(env).join(right(env)).where(e -> e.f0);
        KeySelector<Tuple3<String, Long, Integer>, Long> byTime = e -> e.f1;

        assertThatThrownBy(() -> where.equalTo(byTime, Types.LONG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("String")
                .hasMessageContaining("Long");
    }
}
