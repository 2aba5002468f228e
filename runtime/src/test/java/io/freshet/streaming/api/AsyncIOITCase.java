package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.configuration.Configuration;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.datastream.AsyncDataStream;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.ProcessFunction;
import io.freshet.streaming.api.functions.async.ResultFuture;
import io.freshet.streaming.api.functions.async.RichAsyncFunction;
import io.freshet.util.Collector;

/** Asynchronous I/O on the embedded MiniCluster: requests answered from other threads, in and out of order. */
class AsyncIOITCase {

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(UUID.randomUUID().toString());
    }

    /** Answers "x:<input*10>" after a random delay of up to 5 ms, from a thread pool; never answers 13 if told so. */
    static class SlowLookup extends RichAsyncFunction<Long, String> {
        private static final long serialVersionUID = 1L;
        private final boolean swallowThirteen;
        private final boolean failOnSeven;
        private transient ScheduledExecutorService pool;

        SlowLookup(boolean swallowThirteen, boolean failOnSeven) {
            this.swallowThirteen = swallowThirteen;
            this.failOnSeven = failOnSeven;
        }

        @Override
        public void open(Configuration parameters) {
            pool = Executors.newScheduledThreadPool(4);
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }

        @Override
        public void asyncInvoke(Long input, ResultFuture<String> resultFuture) {
            if (swallowThirteen && input == 13) {
                return;
            }
            pool.schedule(() -> {
                if (failOnSeven && input == 7) {
                    resultFuture.completeExceptionally(new IllegalStateException("lookup of 7 failed"));
                } else {
                    resultFuture.complete(List.of("x:" + input * 10));
                }
            }, ThreadLocalRandom.current().nextInt(5), TimeUnit.MILLISECONDS);
        }
    }

    private static List<String> expected(long n) {
        return LongStream.rangeClosed(1, n).mapToObj(i -> "x:" + i * 10).collect(Collectors.toList());
    }

    @Test
    void orderedWaitKeepsTheInputOrderWhileRequestsOverlap() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();
        AsyncDataStream.orderedWait(env.fromSequence(1, 500), new SlowLookup(false, false), 10, TimeUnit.SECONDS, 20)
                .addSink(sink);
        env.execute("ordered async");

        assertThat(sink.results()).containsExactlyElementsOf(expected(500));
    }

    @Test
    void unorderedWaitEmitsEveryResultOnceWithAnyCapacity() throws Exception {
        for (int capacity : new int[] {1, 7, 100}) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            CollectSink<String> sink = sink();
            AsyncDataStream.unorderedWait(env.fromSequence(1, 300), new SlowLookup(false, false), 10,
                    TimeUnit.SECONDS, capacity).addSink(sink);
            env.execute("unordered async");

            assertThat(sink.results()).as("capacity %d", capacity).containsExactlyInAnyOrderElementsOf(expected(300));
        }
    }

    @Test
    void resultsKeepTheirInputsTimestamps() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();
        DataStream<Long> input = env.fromSequence(1, 50).assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((value, ts) -> value * 100));
        AsyncDataStream.unorderedWait(input, new SlowLookup(false, false), 10, TimeUnit.SECONDS, 5)
                .process(new ProcessFunction<String, String>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, Context ctx, Collector<String> out) {
                        long input = Long.parseLong(value.substring(2)) / 10;
                        out.collect(ctx.timestamp() == input * 100 ? "ok" : "wrong timestamp for " + value);
                    }
                })
                .addSink(sink);
        env.execute("timestamps");

        assertThat(sink.results()).hasSize(50).containsOnly("ok");
    }

    @Test
    void aRequestThatNeverAnswersTimesOutAndFailsTheJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        AsyncDataStream.orderedWait(env.fromSequence(1, 20), new SlowLookup(true, false), 200,
                TimeUnit.MILLISECONDS).addSink(sink());

        assertThatThrownBy(() -> env.execute("timeout")).hasStackTraceContaining("Async function call has timed out")
                .hasStackTraceContaining("input 13");
    }

    @Test
    void aCustomTimeoutHandlerCanAnswerInstead() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectSink<String> sink = sink();
        AsyncDataStream.orderedWait(env.fromSequence(1, 20), new SlowLookup(true, false) {
            private static final long serialVersionUID = 1L;

            @Override
            public void timeout(Long input, ResultFuture<String> resultFuture) {
                resultFuture.complete(List.of("fallback:" + input));
            }
        }, 200, TimeUnit.MILLISECONDS).addSink(sink);
        env.execute("fallback");

        List<String> expected = new ArrayList<>(expected(20));
        expected.set(12, "fallback:13");
        assertThat(sink.results()).containsExactlyElementsOf(expected);
    }

    @Test
    void aFailedRequestFailsTheJobNamingTheInput() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        AsyncDataStream.unorderedWait(env.fromSequence(1, 20), new SlowLookup(false, true), 10, TimeUnit.SECONDS)
                .addSink(sink());

        assertThatThrownBy(() -> env.execute("failing lookup")).hasStackTraceContaining("lookup of 7 failed")
                .hasStackTraceContaining("input 7");
        assertThatThrownBy(() -> AsyncDataStream.orderedWait(env.fromSequence(1, 2), new SlowLookup(false, false), 1,
                TimeUnit.SECONDS, 0)).hasMessageContaining("capacity");
    }
}
