package io.freshet.api.common.functions;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobInfo;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.accumulators.Accumulator;
import io.freshet.api.common.accumulators.DoubleCounter;
import io.freshet.api.common.accumulators.Histogram;
import io.freshet.api.common.accumulators.IntCounter;
import io.freshet.api.common.accumulators.LongCounter;
import java.io.Serializable;
import java.util.List;

/**
 * What a rich function can learn about and use from the parallel instance it runs as: the job and task it
 * belongs to, the user code class loader, accumulators and broadcast variables. One context exists per
 * parallel instance; the runtime owns it and sets it before {@link RichFunction#open(OpenContext)}.
 */
public interface RuntimeContext {

    // TODO(state, config, metrics): getListState/getReducingState/getAggregatingState/getMapState,
    // getExecutionConfig, getGlobalJobParameters, isObjectReuseEnabled, createSerializer, getMetricGroup,
    // getDistributedCache and getExternalResourceInfos are added by the issues that bring their types.

    // ---- job and task ----

    /** Returns the job this function is part of. */
    JobInfo getJobInfo();

    /** Returns the task (parallel instance) this function runs as. */
    TaskInfo getTaskInfo();

    /** @deprecated use {@code getJobInfo().getJobId()}. */
    @Deprecated
    default JobID getJobId() {
        return getJobInfo().getJobId();
    }

    /** @deprecated use {@code getTaskInfo().getTaskName()}. */
    @Deprecated
    default String getTaskName() {
        return getTaskInfo().getTaskName();
    }

    /** @deprecated use {@code getTaskInfo().getNumberOfParallelSubtasks()}. */
    @Deprecated
    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }

    /** @deprecated use {@code getTaskInfo().getMaxNumberOfParallelSubtasks()}. */
    @Deprecated
    default int getMaxNumberOfParallelSubtasks() {
        return getTaskInfo().getMaxNumberOfParallelSubtasks();
    }

    /** @deprecated use {@code getTaskInfo().getIndexOfThisSubtask()}. */
    @Deprecated
    default int getIndexOfThisSubtask() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    /** @deprecated use {@code getTaskInfo().getAttemptNumber()}. */
    @Deprecated
    default int getAttemptNumber() {
        return getTaskInfo().getAttemptNumber();
    }

    /** @deprecated use {@code getTaskInfo().getTaskNameWithSubtasks()}. */
    @Deprecated
    default String getTaskNameWithSubtasks() {
        return getTaskInfo().getTaskNameWithSubtasks();
    }

    // ---- user code class loader ----

    /** Returns the class loader that loaded the job's user code. */
    ClassLoader getUserCodeClassLoader();

    /**
     * Registers {@code releaseHook} to run when the user code class loader is released, unless a hook with the
     * same name is already registered. Use it to free what would otherwise keep the class loader alive.
     */
    void registerUserCodeClassLoaderReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook);

    // ---- accumulators ----

    /**
     * Registers an accumulator under {@code name} for this parallel instance. The runtime merges the
     * accumulators of all instances with the same name and reports the result with the job result.
     *
     * @throws UnsupportedOperationException if an accumulator with that name is already registered here
     */
    <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);

    /** Returns the accumulator registered here under {@code name}, or null if there is none. */
    <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name);

    /** Returns the {@link IntCounter} under {@code name}, registering a new one if there is none. */
    IntCounter getIntCounter(String name);

    /** Returns the {@link LongCounter} under {@code name}, registering a new one if there is none. */
    LongCounter getLongCounter(String name);

    /** Returns the {@link DoubleCounter} under {@code name}, registering a new one if there is none. */
    DoubleCounter getDoubleCounter(String name);

    /** Returns the {@link Histogram} under {@code name}, registering a new one if there is none. */
    Histogram getHistogram(String name);

    // ---- broadcast variables ----

    /** Returns whether a broadcast variable named {@code name} is available to this function. */
    boolean hasBroadcastVariable(String name);

    /**
     * Returns the elements of the broadcast variable {@code name}. The list is shared between the parallel
     * instances in one task manager and must not be modified.
     *
     * @throws IllegalArgumentException if there is no broadcast variable with that name
     */
    <RT> List<RT> getBroadcastVariable(String name);

    /**
     * Returns the broadcast variable {@code name} in the form {@code initializer} builds; the runtime builds it
     * once per task manager and shares it.
     *
     * @throws IllegalArgumentException if there is no broadcast variable with that name
     */
    <T, C> C getBroadcastVariableWithInitializer(String name, BroadcastVariableInitializer<T, C> initializer);

    // ---- keyed state ----

    /**
     * The keyed state {@code stateProperties} describes, for the key of the record being processed.
     *
     * @throws UnsupportedOperationException when the function does not run on a keyed stream ({@code keyBy})
     */
    default <T> io.freshet.api.common.state.ValueState<T> getState(
            io.freshet.api.common.state.ValueStateDescriptor<T> stateProperties) {
        throw noKeyedState(stateProperties);
    }

    default <T> io.freshet.api.common.state.ListState<T> getListState(
            io.freshet.api.common.state.ListStateDescriptor<T> stateProperties) {
        throw noKeyedState(stateProperties);
    }

    default <T> io.freshet.api.common.state.ReducingState<T> getReducingState(
            io.freshet.api.common.state.ReducingStateDescriptor<T> stateProperties) {
        throw noKeyedState(stateProperties);
    }

    default <IN, ACC, OUT> io.freshet.api.common.state.AggregatingState<IN, OUT> getAggregatingState(
            io.freshet.api.common.state.AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        throw noKeyedState(stateProperties);
    }

    default <UK, UV> io.freshet.api.common.state.MapState<UK, UV> getMapState(
            io.freshet.api.common.state.MapStateDescriptor<UK, UV> stateProperties) {
        throw noKeyedState(stateProperties);
    }

    private static UnsupportedOperationException noKeyedState(
            io.freshet.api.common.state.StateDescriptor<?, ?> stateProperties) {
        return new UnsupportedOperationException("Keyed state ('" + stateProperties.getName() + "') is only"
                + " available on a keyed stream: apply the function after keyBy(...).");
    }
}
