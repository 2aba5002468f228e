package io.freshet.streaming.examples.processfunction;

import java.util.List;

import io.freshet.api.common.eventtime.Watermark;
import io.freshet.api.common.eventtime.WatermarkGenerator;
import io.freshet.api.common.eventtime.WatermarkOutput;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.OpenContext;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.utils.ParameterTool;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.util.Collector;

/**
 * Counts events per key and reports a key's count once the key has been quiet for a minute of event time, the
 * timeout pattern of Flink's ProcessFunction documentation: {@code bin/flink run
 * examples/streaming/CountWithTimeout.jar [--input <file>] [--output <path>]}.
 *
 * <p>The input is lines {@code key,timestamp} (event time in ms, in non-decreasing order), or a built-in stream of
 * events. A {@link KeyedProcessFunction} keeps each key's count and the time of its last event in keyed state and
 * sets an event-time timer a minute after every event; a timer that finds a later event has come since does
 * nothing, one that finds none emits {@code (key,count)}. Each event carries the watermark up to its own time, so
 * timeouts are reported as soon as the events show that a minute has passed.
 */
public final class CountWithTimeout {

    /** How long a key must be quiet before its count is reported. */
    static final long TIMEOUT_MILLIS = 60_000;

    /** The built-in events: (key, event time in ms), in event-time order. */
    static final List<Tuple2<String, Long>> EVENTS = List.of(
            Tuple2.of("alice", 0L),
            Tuple2.of("bob", 5_000L),
            Tuple2.of("alice", 20_000L),
            Tuple2.of("carol", 30_000L),
            Tuple2.of("dave", 66_000L),
            Tuple2.of("bob", 70_000L),
            Tuple2.of("carol", 85_000L),
            Tuple2.of("alice", 95_000L),
            Tuple2.of("erin", 200_000L));

    private CountWithTimeout() {}

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);
        if (!params.has("input")) {
            System.out.println("Executing CountWithTimeout example with default input data set.");
            System.out.println("Use --input to specify file input.");
        }
        if (!params.has("output")) {
            System.out.println("Printing result to stdout. Use --output to specify output path.");
        }
        build(env, params);
        env.execute("CountWithTimeout");
    }

    /** Adds the pipeline to {@code env}. */
    static void build(StreamExecutionEnvironment env, ParameterTool params) {
        DataStream<Tuple2<String, Long>> events = params.has("input")
                ? env.readTextFile(params.get("input")).map(CountWithTimeout::parse)
                        .returns(Types.TUPLE(Types.STRING, Types.LONG)).setParallelism(1)
                : env.fromData(EVENTS, Types.TUPLE(Types.STRING, Types.LONG));

        DataStream<Tuple2<String, Long>> timedOut = events
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(
                        context -> new WatermarkPerEvent()).withTimestampAssigner((event, previous) -> event.f1))
                // one instance, like the source: the watermark follows the events in their order
                .setParallelism(1)
                .keyBy(event -> event.f0)
                .process(new CountUntilQuiet()).name("count-until-quiet");

        if (params.has("output")) {
            timedOut.writeAsText(params.get("output")).name("file-sink");
        } else {
            timedOut.print().name("print-sink");
        }
    }

    static Tuple2<String, Long> parse(String line) {
        int comma = line.lastIndexOf(',');
        if (comma < 1) {
            throw new IllegalArgumentException("The input line '" + line + "' is not of the form key,timestamp.");
        }
        return Tuple2.of(line.substring(0, comma).trim(), Long.parseLong(line.substring(comma + 1).trim()));
    }

    /** Keeps a count and the last event time per key; reports the count after a quiet minute. */
    public static final class CountUntilQuiet extends KeyedProcessFunction<String, Tuple2<String, Long>,
            Tuple2<String, Long>> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Long> count;
        private transient ValueState<Long> lastEventTime;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            lastEventTime = getRuntimeContext().getState(new ValueStateDescriptor<>("last-event-time", Types.LONG));
        }

        @Override
        public void processElement(Tuple2<String, Long> event, Context ctx, Collector<Tuple2<String, Long>> out)
                throws Exception {
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
            long eventTime = ctx.timestamp();
            lastEventTime.update(eventTime);
            ctx.timerService().registerEventTimeTimer(eventTime + TIMEOUT_MILLIS);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<String, Long>> out)
                throws Exception {
            // only the timer of the key's last event reports: the others were overtaken by later events
            if (timestamp == lastEventTime.value() + TIMEOUT_MILLIS) {
                out.collect(Tuple2.of(ctx.getCurrentKey(), count.value()));
            }
        }
    }

    /** Moves the watermark to each event's time as the event passes (the events come in time order). */
    static final class WatermarkPerEvent implements WatermarkGenerator<Tuple2<String, Long>> {

        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
