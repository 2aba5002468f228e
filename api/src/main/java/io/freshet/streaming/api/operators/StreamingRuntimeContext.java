package io.freshet.streaming.api.operators;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.JobInfo;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.accumulators.Accumulator;
import io.freshet.api.common.accumulators.DoubleCounter;
import io.freshet.api.common.accumulators.Histogram;
import io.freshet.api.common.accumulators.IntCounter;
import io.freshet.api.common.accumulators.LongCounter;
import io.freshet.api.common.functions.BroadcastVariableInitializer;
import io.freshet.api.common.functions.RuntimeContext;
import io.freshet.api.common.state.KeyedStateStore;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;

/** The {@link RuntimeContext} of the functions of a streaming operator. */
public class StreamingRuntimeContext implements RuntimeContext {

    private final JobInfo jobInfo;
    private final TaskInfo taskInfo;
    private final ExecutionConfig executionConfig;
    private final ClassLoader userCodeClassLoader;
    private final KeyedStateStore keyedStateStore;
    private final boolean checkpointingEnabled;
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private final Map<String, Runnable> releaseHooks = new LinkedHashMap<>();

    public StreamingRuntimeContext(StreamOperatorParameters<?> parameters) {
        this.jobInfo = parameters.getJobInfo();
        this.taskInfo = parameters.getTaskInfo();
        this.executionConfig = parameters.getExecutionConfig();
        this.userCodeClassLoader = parameters.getUserCodeClassLoader();
        this.keyedStateStore = parameters.getKeyedStateStore();
        this.checkpointingEnabled = parameters.isCheckpointingEnabled();
    }

    /** Whether the job takes periodic checkpoints (so one more follows when this task's input ended). */
    public boolean isCheckpointingEnabled() {
        return checkpointingEnabled;
    }

    @Override
    public JobInfo getJobInfo() {
        return jobInfo;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public void registerUserCodeClassLoaderReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
        releaseHooks.putIfAbsent(releaseHookName, releaseHook);
    }

    /** Runs the release hooks the functions registered; the task calls it when its operators are closed. */
    public void runReleaseHooks() {
        releaseHooks.values().forEach(Runnable::run);
        releaseHooks.clear();
    }

    // ---- accumulators (kept per subtask; merged into the job result by a later slice) ----

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new UnsupportedOperationException("An accumulator named '" + name + "' is already registered in "
                    + taskInfo.getTaskNameWithSubtasks() + ".");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return counter(name, IntCounter.class, IntCounter::new);
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return counter(name, LongCounter.class, LongCounter::new);
    }

    @Override
    public DoubleCounter getDoubleCounter(String name) {
        return counter(name, DoubleCounter.class, DoubleCounter::new);
    }

    @Override
    public Histogram getHistogram(String name) {
        return counter(name, Histogram.class, Histogram::new);
    }

    private <C extends Accumulator<?, ?>> C counter(String name, Class<C> type, java.util.function.Supplier<C> create) {
        Accumulator<?, ?> existing = accumulators.computeIfAbsent(name, ignored -> create.get());
        if (!type.isInstance(existing)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' is a "
                    + existing.getClass().getSimpleName() + ", not a " + type.getSimpleName() + ".");
        }
        return type.cast(existing);
    }

    /** The accumulators registered in this subtask. */
    public Map<String, Accumulator<?, ?>> getAllAccumulators() {
        return Collections.unmodifiableMap(accumulators);
    }

    // ---- broadcast variables (a DataSet feature; streams have broadcast state instead) ----

    @Override
    public boolean hasBroadcastVariable(String name) {
        return false;
    }

    @Override
    public <RT> List<RT> getBroadcastVariable(String name) {
        throw new IllegalArgumentException("Streaming functions have no broadcast variables ('" + name + "'); use"
                + " broadcast state (DataStream.broadcast(MapStateDescriptor)) instead.");
    }

    @Override
    public <T, C> C getBroadcastVariableWithInitializer(String name, BroadcastVariableInitializer<T, C> initializer) {
        throw new IllegalArgumentException("Streaming functions have no broadcast variables ('" + name + "'); use"
                + " broadcast state instead.");
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        if (keyedStateStore == null) {
            return RuntimeContext.super.getState(stateProperties);
        }
        stateProperties.initializeSerializerUnlessSet(executionConfig);
        return keyedStateStore.getState(stateProperties);
    }

    @Override
    public <T> io.freshet.api.common.state.ListState<T> getListState(
            io.freshet.api.common.state.ListStateDescriptor<T> stateProperties) {
        if (keyedStateStore == null) {
            return RuntimeContext.super.getListState(stateProperties);
        }
        return keyedStateStore.getListState(stateProperties);
    }

    @Override
    public <T> io.freshet.api.common.state.ReducingState<T> getReducingState(
            io.freshet.api.common.state.ReducingStateDescriptor<T> stateProperties) {
        if (keyedStateStore == null) {
            return RuntimeContext.super.getReducingState(stateProperties);
        }
        return keyedStateStore.getReducingState(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> io.freshet.api.common.state.AggregatingState<IN, OUT> getAggregatingState(
            io.freshet.api.common.state.AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        if (keyedStateStore == null) {
            return RuntimeContext.super.getAggregatingState(stateProperties);
        }
        return keyedStateStore.getAggregatingState(stateProperties);
    }

    @Override
    public <UK, UV> io.freshet.api.common.state.MapState<UK, UV> getMapState(
            io.freshet.api.common.state.MapStateDescriptor<UK, UV> stateProperties) {
        if (keyedStateStore == null) {
            return RuntimeContext.super.getMapState(stateProperties);
        }
        return keyedStateStore.getMapState(stateProperties);
    }
}
