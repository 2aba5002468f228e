package io.freshet.api.common.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobInfoImpl;
import io.freshet.api.common.TaskInfoImpl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RichFunctionLifecycleTest {

    private final JobID jobId = new JobID(1L, 2L);
    private final TestRuntimeContext context =
            new TestRuntimeContext(new JobInfoImpl(jobId, "word count"), new TaskInfoImpl("Map", 128, 2, 4, 1));

    /** Records its lifecycle calls and uses the context in open, as user functions do. */
    private static class RecordingMap extends RichMapFunction<String, String> {
        final List<String> calls = new ArrayList<>();
        private String prefix;

        @Override
        public void open(OpenContext openContext) {
            calls.add("open");
            prefix = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + ":";
        }

        @Override
        public String map(String value) {
            calls.add("map");
            getRuntimeContext().getIntCounter("records").add(1);
            return prefix + value;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    private static class PlainFilter extends RichFilterFunction<String> {
        @Override
        public boolean filter(String value) {
            return !value.isEmpty();
        }
    }

    @Test
    void functionSeesItsContextFromOpenUntilClose() throws Exception {
        RecordingMap function = new RecordingMap();

        function.setRuntimeContext(context);
        function.open(DefaultOpenContext.INSTANCE);
        String first = function.map("a");
        String second = function.map("b");
        function.close();

        assertThat(List.of(first, second)).containsExactly("2:a", "2:b");
        assertThat(function.calls).containsExactly("open", "map", "map", "close");
        assertThat(context.getIntCounter("records").getLocalValue()).isEqualTo(2);
    }

    @Test
    void defaultOpenAndCloseDoNothing() throws Exception {
        PlainFilter function = new PlainFilter();

        function.open(DefaultOpenContext.INSTANCE);
        function.close();

        assertThat(function.filter("x")).isTrue();
    }

    @Test
    void runtimeContextBeforeItIsSetIsAnErrorNamingTheFunction() {
        PlainFilter function = new PlainFilter();

        assertThatThrownBy(function::getRuntimeContext)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PlainFilter.class.getName());
        assertThatThrownBy(function::getIterationRuntimeContext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void iterationContextOutsideAnIterationIsAnError() {
        PlainFilter function = new PlainFilter();
        function.setRuntimeContext(context);

        assertThatThrownBy(function::getIterationRuntimeContext)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("iteration");
    }

    @Test
    void iterationContextIsTheRuntimeContextInsideAnIteration() {
        class IterationContext extends TestRuntimeContext implements IterationRuntimeContext {
            IterationContext() {
                super(new JobInfoImpl(new JobID(), "iterate"), new TaskInfoImpl("step", 1, 0, 1, 0));
            }

            @Override
            public int getSuperstepNumber() {
                return 3;
            }
        }
        PlainFilter function = new PlainFilter();
        IterationContext iterationContext = new IterationContext();

        function.setRuntimeContext(iterationContext);

        assertThat(function.getIterationRuntimeContext()).isSameAs(iterationContext);
        assertThat(function.getIterationRuntimeContext().getSuperstepNumber()).isEqualTo(3);
    }

    @Test
    void runtimeContextIsNotShippedWithTheFunction() throws Exception {
        RecordingMap function = new RecordingMap();
        function.setRuntimeContext(context);

        RecordingMap shipped = roundTrip(function);

        assertThatThrownBy(shipped::getRuntimeContext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @SuppressWarnings("deprecation")
    void deprecatedTaskGettersDelegateToTaskAndJobInfo() {
        RuntimeContext ctx = context;

        assertThat(ctx.getJobId()).isEqualTo(jobId);
        assertThat(ctx.getTaskName()).isEqualTo("Map");
        assertThat(ctx.getNumberOfParallelSubtasks()).isEqualTo(4);
        assertThat(ctx.getMaxNumberOfParallelSubtasks()).isEqualTo(128);
        assertThat(ctx.getIndexOfThisSubtask()).isEqualTo(2);
        assertThat(ctx.getAttemptNumber()).isEqualTo(1);
        assertThat(ctx.getTaskNameWithSubtasks()).isEqualTo("Map (3/4)#1");
    }

    @Test
    void broadcastVariableWithInitializerSeesAllElements() {
        context.withBroadcastVariable("rates", List.of("eur=1", "usd=2"));
        BroadcastVariableInitializer<String, Map<String, String>> toMap =
                data -> {
                    Map<String, String> map = new java.util.HashMap<>();
                    data.forEach(entry -> map.put(entry.split("=")[0], entry.split("=")[1]));
                    return map;
                };

        assertThat(context.hasBroadcastVariable("rates")).isTrue();
        assertThat(context.getBroadcastVariableWithInitializer("rates", toMap)).containsEntry("usd", "2");
        assertThat(context.<String>getBroadcastVariable("rates").stream().collect(Collectors.joining(";")))
                .isEqualTo("eur=1;usd=2");
    }

    @Test
    void lambdasImplementTheCoreFunctionInterfaces() throws Exception {
        MapFunction<Integer, Integer> square = x -> x * x;
        ReduceFunction<Integer> sum = Integer::sum;
        FilterFunction<Integer> even = x -> x % 2 == 0;
        Partitioner<Integer> modulo = (key, partitions) -> key % partitions;

        assertThat(square.map(3)).isEqualTo(9);
        assertThat(sum.reduce(2, 3)).isEqualTo(5);
        assertThat(even.filter(3)).isFalse();
        assertThat(modulo.partition(7, 4)).isEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
