package io.freshet.api.common.functions;

import io.freshet.api.common.JobInfo;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.accumulators.Accumulator;
import io.freshet.api.common.accumulators.DoubleCounter;
import io.freshet.api.common.accumulators.Histogram;
import io.freshet.api.common.accumulators.IntCounter;
import io.freshet.api.common.accumulators.LongCounter;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A plain in-memory {@link RuntimeContext} for tests that run functions outside a task. */
public class TestRuntimeContext implements RuntimeContext {

    private final JobInfo jobInfo;
    private final TaskInfo taskInfo;
    private final Map<String, Accumulator<?, ?>> accumulators = new HashMap<>();
    private final Map<String, List<?>> broadcastVariables = new HashMap<>();
    private final Map<String, Runnable> releaseHooks = new LinkedHashMap<>();

    public TestRuntimeContext(JobInfo jobInfo, TaskInfo taskInfo) {
        this.jobInfo = jobInfo;
        this.taskInfo = taskInfo;
    }

    /** Makes {@code elements} available as the broadcast variable {@code name}. */
    public TestRuntimeContext withBroadcastVariable(String name, List<?> elements) {
        broadcastVariables.put(name, elements);
        return this;
    }

    /** Runs the registered release hooks, as the runtime does when it releases the class loader. */
    public void releaseUserCodeClassLoader() {
        releaseHooks.values().forEach(Runnable::run);
        releaseHooks.clear();
    }

    @Override
    public JobInfo getJobInfo() {
        return jobInfo;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public void registerUserCodeClassLoaderReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
        releaseHooks.putIfAbsent(releaseHookName, releaseHook);
    }

    @Override
    public <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        if (accumulators.putIfAbsent(name, accumulator) != null) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists.");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        return (Accumulator<V, A>) accumulators.get(name);
    }

    @Override
    public IntCounter getIntCounter(String name) {
        return getOrAdd(name, IntCounter.class, IntCounter::new);
    }

    @Override
    public LongCounter getLongCounter(String name) {
        return getOrAdd(name, LongCounter.class, LongCounter::new);
    }

    @Override
    public DoubleCounter getDoubleCounter(String name) {
        return getOrAdd(name, DoubleCounter.class, DoubleCounter::new);
    }

    @Override
    public Histogram getHistogram(String name) {
        return getOrAdd(name, Histogram.class, Histogram::new);
    }

    private <A extends Accumulator<?, ?>> A getOrAdd(String name, Class<A> type, Supplier<A> create) {
        return type.cast(accumulators.computeIfAbsent(name, ignored -> create.get()));
    }

    @Override
    public boolean hasBroadcastVariable(String name) {
        return broadcastVariables.containsKey(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <RT> List<RT> getBroadcastVariable(String name) {
        List<?> elements = broadcastVariables.get(name);
        if (elements == null) {
            throw new IllegalArgumentException("No broadcast variable named '" + name + "'.");
        }
        return (List<RT>) elements;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, C> C getBroadcastVariableWithInitializer(String name, BroadcastVariableInitializer<T, C> initializer) {
        return initializer.initializeBroadcastVariable((List<T>) getBroadcastVariable(name));
    }
}
