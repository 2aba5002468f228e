package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.core.execution.JobClient;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.source.RichParallelSourceFunction;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Idle inputs stop holding the watermark back: a parallel source whose second instance never emits, with
 * {@code withIdleness}, still lets the windows downstream fire while both instances keep running.
 */
class WatermarkIdlenessITCase {

    /** Released by the test once it has seen what it waits for; the sources end then. */
    static volatile CountDownLatch release;

    /** Instance 0 emits three events of key "a" and waits; instance 1 emits nothing and waits. */
    static final class OneSidedSource extends RichParallelSourceFunction<Tuple3<String, Long, Integer>> {
        private static final long serialVersionUID = 1L;
        private volatile boolean running = true;

        @Override
        public void run(SourceContext<Tuple3<String, Long, Integer>> ctx) throws Exception {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                for (long timestamp : new long[] {1_000L, 2_000L, 6_000L}) {
                    synchronized (ctx.getCheckpointLock()) {
                        ctx.collect(Tuple3.of("a", timestamp, 1));
                    }
                }
            }
            while (running && !release.await(10, TimeUnit.MILLISECONDS)) {
                // wait for the test
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    @Test
    void anIdleSourceInstanceDoesNotHoldBackTheWindowsOfTheOthers() throws Exception {
        release = new CountDownLatch(1);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = new CollectSink<>(UUID.randomUUID().toString());
        env.addSource(new OneSidedSource())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Long, Integer>>forMonotonousTimestamps()
                        .withTimestampAssigner((event, previous) -> event.f1)
                        .withIdleness(Duration.ofMillis(200)))
                .keyBy(event -> event.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .sum(2)
                .map(result -> result.f0 + ":" + result.f2)
                .addSink(sink);
        JobClient job = env.executeAsync("idle source");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sink.results().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(sink.results()).as("the window [0, 5000) fires while the idle instance still runs")
                    .containsExactly("a:2");
            assertThat(job.getJobStatus().get(10, TimeUnit.SECONDS).isTerminalState()).isFalse();
        } finally {
            release.countDown();
        }
        job.getJobExecutionResult().get(60, TimeUnit.SECONDS);
        assertThat(sink.results()).as("the last window fires when the input ends").containsExactly("a:2", "a:1");
    }
}
