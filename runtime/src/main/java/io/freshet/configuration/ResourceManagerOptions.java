package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of the ResourceManager. */
public final class ResourceManagerOptions {

    private ResourceManagerOptions() {}

    /** Time after which a TaskManager without allocated slots is released. */
    public static final ConfigOption<Duration> TASK_MANAGER_TIMEOUT = key("resourcemanager.taskmanager-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("A TaskManager whose slots have all been free for this long is released, if the"
                    + " resource manager started it (YARN). A standalone cluster keeps its TaskManagers.");
}
