package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.RichMapFunction;
import io.freshet.api.connector.source.Boundedness;
import io.freshet.api.connector.source.SplitEnumerator;
import io.freshet.api.connector.source.SplitEnumeratorContext;
import io.freshet.api.connector.source.lib.NumberSequenceSource;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.RestartStrategyOptions;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.operators.coordination.OperatorCoordinator;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.graph.StreamingJobGraphGenerator;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Split-based sources ({@code fromSource}) on the embedded MiniCluster: the enumerator runs on the JobMaster and
 * hands splits to the readers in the tasks over RPC; a failed reader's splits are assigned again.
 */
class SplitSourceITCase {

    private static <T> CollectSink<T> sink() {
        return new CollectSink<>(UUID.randomUUID().toString());
    }

    @Test
    void aNumberSequenceIsReadInParallelEachNumberOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<Long> sink = sink();
        env.fromSource(new NumberSequenceSource(1, 20_000), WatermarkStrategy.noWatermarks(), "numbers")
                .map(value -> value * 2)
                .addSink(sink);
        env.execute("split numbers");

        List<Long> results = sink.results();
        assertThat(results).hasSize(20_000);
        assertThat(new HashSet<>(results)).hasSize(20_000);
        assertThat(results.stream().mapToLong(Long::longValue).sum()).isEqualTo(20_000L * 20_001);
    }

    @Test
    void theSourceVertexCarriesItsCoordinatorAndChainsItsSuccessors() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(new NumberSequenceSource(1, 10), WatermarkStrategy.noWatermarks(), "numbers")
                .map(value -> value + 1)
                .addSink(sink());
        JobGraph graph = StreamingJobGraphGenerator.createJobGraph(env.getStreamGraph());

        List<JobVertex> vertices = new java.util.ArrayList<>();
        graph.getVertices().forEach(vertices::add);
        assertThat(vertices).hasSize(1);
        assertThat(vertices.get(0).getName()).isEqualTo("Source: numbers -> Map -> Sink: Unnamed");
        assertThat(vertices.get(0).getUserPayload(OperatorCoordinator.JOB_VERTEX_PAYLOAD_KEY)).isPresent();
    }

    @Test
    void eventTimeWindowsOverASplitSource() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = sink();
        env.fromSource(new NumberSequenceSource(0, 9_999), WatermarkStrategy.<Long>forBoundedOutOfOrderness(
                        Duration.ofSeconds(5)).withTimestampAssigner((value, previous) -> value), "numbers")
                .keyBy(value -> value % 2)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                .reduce(Long::sum)
                .map(sum -> "sum " + sum)
                .addSink(sink);
        env.execute("windows over splits");

        // windows of 2,000 ms each over the numbers as millisecond timestamps: 5 windows per parity
        Map<Long, Long> expected = new HashMap<>();
        for (long value = 0; value < 10_000; value++) {
            expected.merge(value / 2_000 * 10 + value % 2, value, Long::sum);
        }
        assertThat(sink.results()).hasSize(10).containsExactlyInAnyOrderElementsOf(
                expected.values().stream().map(sum -> "sum " + sum).toList());
    }

    @Test
    void batchModeRunsABoundedSplitSourceWithFinalResults() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
        CollectSink<Tuple2<Long, Long>> sink = sink();
        env.fromSource(new NumberSequenceSource(1, 1_000), WatermarkStrategy.noWatermarks(), "numbers")
                .map(value -> Tuple2.of(value % 3, value))
                .returns(io.freshet.api.common.typeinfo.Types.TUPLE(io.freshet.api.common.typeinfo.Types.LONG,
                        io.freshet.api.common.typeinfo.Types.LONG))
                .keyBy(value -> value.f0)
                .sum(1)
                .addSink(sink);
        env.execute("batch over splits");

        Map<Long, Long> expected = new HashMap<>();
        for (long value = 1; value <= 1_000; value++) {
            expected.merge(value % 3, value, Long::sum);
        }
        Map<Long, Long> actual = new HashMap<>();
        sink.results().forEach(result -> assertThat(actual.put(result.f0, result.f1)).as("%s", sink.results())
                .isNull());
        assertThat(actual).isEqualTo(expected);
    }

    /** Fails once, in subtask 0, after a few hundred numbers. */
    static final class FailOnce extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private transient int seen;

        @Override
        public Long map(Long value) {
            if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0 && ++seen == 300
                    && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("expected test failure");
            }
            return value;
        }
    }

    @Test
    void theSplitsOfAFailedReaderAreAssignedAgainSoNoNumberIsLost() throws Exception {
        FailOnce.FAILED.set(false);
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, 2);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        CollectSink<Long> sink = sink();
        env.fromSource(new NumberSequenceSource(1, 5_000), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new FailOnce())
                .addSink(sink);
        env.execute("failing reader");

        assertThat(FailOnce.FAILED).isTrue();
        Set<Long> distinct = new HashSet<>(sink.results());
        assertThat(distinct).as("every number arrived at least once").hasSize(5_000);
        assertThat(sink.results().size()).as("the failed reader's split was read again from its start")
                .isGreaterThanOrEqualTo(5_000 + 299);
    }

    /** A source whose enumerator fails when it starts. */
    static final class BrokenEnumeratorSource extends NumberSequenceSource {
        private static final long serialVersionUID = 1L;

        BrokenEnumeratorSource() {
            super(1, 10);
        }

        @Override
        public SplitEnumerator<NumberSequenceSplit, java.util.Collection<NumberSequenceSplit>> createEnumerator(
                SplitEnumeratorContext<NumberSequenceSplit> enumContext) {
            throw new IllegalStateException("no splits today");
        }

        @Override
        public Boundedness getBoundedness() {
            return Boundedness.BOUNDED;
        }
    }

    @Test
    void aFailingEnumeratorFailsTheJobNamingTheSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(new BrokenEnumeratorSource(), WatermarkStrategy.noWatermarks(), "broken numbers")
                .addSink(sink());

        assertThatThrownBy(() -> env.execute("broken enumerator"))
                .hasStackTraceContaining("split enumerator of source 'Source: broken numbers'")
                .hasStackTraceContaining("no splits today");
    }
}
