package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.core.execution.JobClient;
import io.freshet.streaming.api.datastream.DataStream;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.source.SourceFunction;
import io.freshet.util.CloseableIterator;

/** {@code executeAndCollect} and {@code collectAsync}: a job's records reach the client on the local MiniCluster. */
class CollectITCase {

    @Test
    void executeAndCollectReturnsTheRecordsOfANonParallelPipelineInOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        List<String> results = new ArrayList<>();
        try (CloseableIterator<String> iterator = env.fromElements("to", "be", "or", "not")
                .map(String::toUpperCase).executeAndCollect("upper case")) {
            iterator.forEachRemaining(results::add);
        }

        assertThat(results).containsExactly("TO", "BE", "OR", "NOT");
    }

    @Test
    void executeAndCollectGathersEveryRecordOfAParallelJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

        List<Long> results = new ArrayList<>();
        try (CloseableIterator<Long> iterator = env.fromSequence(1, 20_000).map(value -> value * 3)
                .executeAndCollect()) {
            iterator.forEachRemaining(results::add);
        }

        assertThat(results).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, 20_000).map(value -> value * 3).boxed().collect(Collectors.toList()));
    }

    @Test
    void tuplesComeBackThroughTheirSerializer() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);

        List<Tuple2<String, Integer>> counts = env.fromElements("a", "b", "a", "c", "a", "b")
                .map(word -> Tuple2.of(word, 1)).returns(Types.TUPLE(Types.STRING, Types.INT))
                .keyBy(pair -> pair.f0).sum(1)
                .executeAndCollect(100);

        assertThat(counts).containsExactlyInAnyOrder(Tuple2.of("a", 1), Tuple2.of("a", 2), Tuple2.of("a", 3),
                Tuple2.of("b", 1), Tuple2.of("b", 2), Tuple2.of("c", 1));
        assertThat(counts).filteredOn(pair -> pair.f0.equals("a")).extracting(pair -> pair.f1)
                .as("one key's updates arrive in order").containsExactly(1, 2, 3);
    }

    @Test
    void aLimitTakesTheFirstRecordsOfAnEndlessJobAndCancelsIt() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CountingSource.CANCELLED.set(false);

        List<Long> first = env.addSource(new CountingSource()).returns(Long.class).executeAndCollect("endless", 5);

        assertThat(first).containsExactly(0L, 1L, 2L, 3L, 4L);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!CountingSource.CANCELLED.get()) {
            assertThat(System.nanoTime()).as("the job is cancelled once the limit is reached").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void collectAsyncReadsTwoStreamsOfOneJobAfterExecuteAsync() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Integer> numbers = env.fromElements(1, 2, 3, 4, 5, 6);
        CloseableIterator<Integer> even = numbers.filter(value -> value % 2 == 0).collectAsync();
        DataStream.Collector<String> oddCollector = new DataStream.Collector<>();
        numbers.filter(value -> value % 2 == 1).map(value -> "odd " + value).collectAsync(oddCollector);

        JobClient client = env.executeAsync("two collects");

        List<Integer> evens = new ArrayList<>();
        List<String> odds = new ArrayList<>();
        try (even; CloseableIterator<String> odd = oddCollector.getOutput()) {
            even.forEachRemaining(evens::add);
            odd.forEachRemaining(odds::add);
        }
        assertThat(evens).containsExactly(2, 4, 6);
        assertThat(odds).containsExactly("odd 1", "odd 3", "odd 5");
        assertThat(client.getJobExecutionResult().get().getJobID()).isEqualTo(client.getJobID());
    }

    @Test
    void aFailingJobMakesTheIteratorThrowWithTheJobsFailure() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        try (CloseableIterator<Integer> iterator = env.fromElements("1", "2", "x").map(Integer::parseInt)
                .executeAndCollect("parse numbers")) {
            assertThatThrownBy(() -> {
                while (iterator.hasNext()) {
                    iterator.next();
                }
            }).hasMessageContaining("failed").hasStackTraceContaining("For input string: \"x\"");
        }
    }

    @Test
    void aLimitBelowOneIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);

        assertThatThrownBy(() -> env.fromElements(1).executeAndCollect(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit greater than 0");
    }

    /** 0, 1, 2, ... until cancelled; remembers the cancellation. */
    static final class CountingSource implements SourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean CANCELLED = new AtomicBoolean();
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
            CANCELLED.set(true);
        }
    }
}
