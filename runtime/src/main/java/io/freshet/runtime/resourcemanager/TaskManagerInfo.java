package io.freshet.runtime.resourcemanager;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.taskexecutor.TaskExecutorRegistration;

/** A registered TaskExecutor as the REST API shows it: its registration, free slots and last heartbeat time. */
public final class TaskManagerInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TaskExecutorRegistration registration;
    private final int freeSlots;
    private final long lastHeartbeatMillis;

    public TaskManagerInfo(TaskExecutorRegistration registration, int freeSlots, long lastHeartbeatMillis) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.freeSlots = freeSlots;
        this.lastHeartbeatMillis = lastHeartbeatMillis;
    }

    public TaskExecutorRegistration getRegistration() {
        return registration;
    }

    public int getNumberOfSlots() {
        return registration.getNumberOfSlots();
    }

    public int getFreeSlots() {
        return freeSlots;
    }

    public long getLastHeartbeatMillis() {
        return lastHeartbeatMillis;
    }

    @Override
    public String toString() {
        return registration + ", " + freeSlots + " free";
    }
}
