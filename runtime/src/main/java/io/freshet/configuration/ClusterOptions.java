package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

/** Options of the cluster as a whole. */
public final class ClusterOptions {

    private ClusterOptions() {}

    /** Whether free slots are taken evenly from all TaskManagers instead of filling one TaskManager first. */
    public static final ConfigOption<Boolean> EVENLY_SPREAD_OUT_SLOTS_STRATEGY = key("cluster.evenly-spread-out-slots")
            .booleanType()
            .defaultValue(false)
            .withDescription("When true, the resource manager gives a job the free slot of the TaskManager with the"
                    + " lowest share of occupied slots, so that work spreads evenly over all TaskManagers. When"
                    + " false, it fills the slots of one TaskManager (in registration order) before the next.");
}
