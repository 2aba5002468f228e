package io.freshet.runtime.jobgraph.tasks;

import java.util.Objects;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.execution.Environment;

/**
 * The base of every invokable: holds the task's {@link Environment} and gives the defaults of
 * {@link TaskInvokable}: nothing to restore, nothing to clean up, cancellation by interrupting the task thread.
 *
 * <p>Subclasses must have a public constructor taking exactly one {@link Environment}; the TaskExecutor
 * instantiates them reflectively through the job's user-code class loader.
 */
public abstract class AbstractInvokable implements TaskInvokable {

    private final Environment environment;

    /** Written by the task thread or the cancelling thread; read by the cancelling thread. */
    private volatile boolean shouldInterruptOnCancel = true;

    protected AbstractInvokable(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public abstract void invoke() throws Exception;

    @Override
    public void restore() throws Exception {}

    @Override
    public void cleanUp(Throwable throwable) throws Exception {}

    /** Does nothing by default: the task thread is interrupted instead (see {@link #maybeInterruptOnCancel}). */
    @Override
    public void cancel() throws Exception {}

    @Override
    public boolean isUsingNonBlockingInput() {
        return false;
    }

    @Override
    public void maybeInterruptOnCancel(Thread toInterrupt, String taskName, Long timeout) {
        if (shouldInterruptOnCancel) {
            toInterrupt.interrupt();
        }
    }

    /**
     * Whether cancellation interrupts the task thread. An invokable turns this off around code that must not be
     * interrupted (for example while it commits output).
     */
    public final void setShouldInterruptOnCancel(boolean shouldInterruptOnCancel) {
        this.shouldInterruptOnCancel = shouldInterruptOnCancel;
    }

    public final boolean shouldInterruptOnCancel() {
        return shouldInterruptOnCancel;
    }

    // ---- access to the environment ----

    public final Environment getEnvironment() {
        return environment;
    }

    public final ClassLoader getUserCodeClassLoader() {
        return environment.getUserCodeClassLoader();
    }

    public int getCurrentNumberOfSubtasks() {
        return environment.getTaskInfo().getNumberOfParallelSubtasks();
    }

    public int getIndexInSubtaskGroup() {
        return environment.getTaskInfo().getIndexOfThisSubtask();
    }

    public final Configuration getTaskConfiguration() {
        return environment.getTaskConfiguration();
    }

    public final Configuration getJobConfiguration() {
        return environment.getJobConfiguration();
    }
}
