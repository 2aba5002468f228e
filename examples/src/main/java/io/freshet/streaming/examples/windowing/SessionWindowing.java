package io.freshet.streaming.examples.windowing;

import java.time.Duration;
import java.util.List;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.api.java.utils.ParameterTool;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.windowing.assigners.EventTimeSessionWindows;

/**
 * Sums clicks per user and session, as Flink's SessionWindowing example does:
 * {@code bin/flink run examples/streaming/SessionWindowing.jar [--output <path>]}.
 *
 * <p>The input is built in: {@code (user, timestamp in ms, clicks)} events in timestamp order. A session of a user
 * ends when the user has no event for {@value #GAP_MILLIS} ms; each session emits {@code (user,first timestamp,
 * clicks)} once the watermark passes its end.
 */
public final class SessionWindowing {

    /** The gap that ends a session. */
    static final long GAP_MILLIS = 3;

    /** The built-in events: (user, event time in ms, clicks), in event-time order. */
    static final List<Tuple3<String, Long, Integer>> EVENTS = List.of(
            Tuple3.of("alice", 1L, 1),
            Tuple3.of("bob", 2L, 1),
            Tuple3.of("alice", 3L, 2),
            Tuple3.of("carol", 4L, 1),
            Tuple3.of("carol", 6L, 1),
            Tuple3.of("bob", 8L, 3),
            Tuple3.of("alice", 9L, 1),
            Tuple3.of("alice", 11L, 1),
            Tuple3.of("bob", 15L, 1),
            Tuple3.of("carol", 16L, 4));

    private SessionWindowing() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);
        if (!params.has("output")) {
            System.out.println("Printing result to stdout. Use --output to specify output path.");
        }
        build(env, params);
        env.execute("SessionWindowing");
    }

    /** Adds the pipeline to {@code env}. */
    static void build(StreamExecutionEnvironment env, ParameterTool params) {
        DataStream<Tuple3<String, Long, Integer>> sessions = env
                .fromData(EVENTS, Types.TUPLE(Types.STRING, Types.LONG, Types.INT))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Long, Integer>>forMonotonousTimestamps()
                        .withTimestampAssigner((event, previous) -> event.f1))
                // one instance, like the source: the events keep their order, so each session's first event is
                // the one whose timestamp the sum keeps
                .setParallelism(1)
                .keyBy(event -> event.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(GAP_MILLIS)))
                .sum(2);

        if (params.has("output")) {
            sessions.writeAsText(params.get("output")).name("file-sink");
        } else {
            sessions.print().name("print-sink");
        }
    }
}
