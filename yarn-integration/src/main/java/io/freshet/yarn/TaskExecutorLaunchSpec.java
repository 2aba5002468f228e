package io.freshet.yarn;

import java.util.List;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.Resource;

/**
 * What a TaskManager container is: its size, its slots, and how to start a TaskExecutor in it (files, environment,
 * command). Immutable; the same for every container of an application.
 */
public final class TaskExecutorLaunchSpec {

    private final Resource resource;
    private final int slotsPerTaskExecutor;
    private final Map<String, LocalResource> localResources;
    private final Map<String, String> environment;
    private final List<String> commands;

    public TaskExecutorLaunchSpec(Resource resource, int slotsPerTaskExecutor, Map<String, LocalResource> localResources,
            Map<String, String> environment, List<String> commands) {
        if (slotsPerTaskExecutor <= 0) {
            throw new IllegalArgumentException("A TaskManager needs at least one slot: " + slotsPerTaskExecutor);
        }
        this.resource = resource;
        this.slotsPerTaskExecutor = slotsPerTaskExecutor;
        this.localResources = Map.copyOf(localResources);
        this.environment = Map.copyOf(environment);
        this.commands = List.copyOf(commands);
    }

    /** Memory (MB) and vcores of one container. */
    public Resource getResource() {
        return resource;
    }

    public int getSlotsPerTaskExecutor() {
        return slotsPerTaskExecutor;
    }

    /** A new launch context (YARN's records are mutable, so each container gets its own). */
    public ContainerLaunchContext newLaunchContext() {
        return ContainerLaunchContext.newInstance(new java.util.HashMap<>(localResources),
                new java.util.HashMap<>(environment), commands, null, null, null);
    }

    public List<String> getCommands() {
        return commands;
    }
}
