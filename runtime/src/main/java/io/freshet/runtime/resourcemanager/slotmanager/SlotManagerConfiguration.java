package io.freshet.runtime.resourcemanager.slotmanager;

import io.freshet.configuration.ClusterOptions;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.ResourceManagerOptions;
import io.freshet.configuration.RpcOptions;
import java.time.Duration;
import java.util.Objects;

/** Settings of a {@link SlotManager}. */
public final class SlotManagerConfiguration {

    private final Duration taskManagerRequestTimeout;
    private final Duration taskManagerTimeout;
    private final boolean evenlySpreadOutSlots;

    /**
     * @param taskManagerRequestTimeout timeout of one {@code requestSlot} call to a TaskExecutor
     * @param taskManagerTimeout how long a TaskExecutor with only free slots stays before it may be released
     * @param evenlySpreadOutSlots take free slots from the least used TaskExecutor instead of filling one first
     */
    public SlotManagerConfiguration(Duration taskManagerRequestTimeout, Duration taskManagerTimeout,
            boolean evenlySpreadOutSlots) {
        this.taskManagerRequestTimeout = Objects.requireNonNull(taskManagerRequestTimeout, "taskManagerRequestTimeout");
        this.taskManagerTimeout = Objects.requireNonNull(taskManagerTimeout, "taskManagerTimeout");
        if (taskManagerRequestTimeout.isNegative() || taskManagerRequestTimeout.isZero()) {
            throw new IllegalArgumentException("The slot request timeout must be positive: " + taskManagerRequestTimeout);
        }
        if (taskManagerTimeout.isNegative() || taskManagerTimeout.isZero()) {
            throw new IllegalArgumentException("The option '" + ResourceManagerOptions.TASK_MANAGER_TIMEOUT.key()
                    + "' must be positive, but is " + taskManagerTimeout.toMillis() + " ms.");
        }
        this.evenlySpreadOutSlots = evenlySpreadOutSlots;
    }

    /**
     * From {@code pekko.ask.timeout} (the timeout of a {@code requestSlot} call, as in Flink),
     * {@code resourcemanager.taskmanager-timeout} and {@code cluster.evenly-spread-out-slots}.
     */
    public static SlotManagerConfiguration fromConfiguration(Configuration configuration) {
        return new SlotManagerConfiguration(configuration.get(RpcOptions.ASK_TIMEOUT),
                configuration.get(ResourceManagerOptions.TASK_MANAGER_TIMEOUT),
                configuration.get(ClusterOptions.EVENLY_SPREAD_OUT_SLOTS_STRATEGY));
    }

    public Duration getTaskManagerRequestTimeout() {
        return taskManagerRequestTimeout;
    }

    public Duration getTaskManagerTimeout() {
        return taskManagerTimeout;
    }

    public boolean isEvenlySpreadOutSlots() {
        return evenlySpreadOutSlots;
    }
}
