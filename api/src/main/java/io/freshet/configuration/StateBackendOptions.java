package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

/** Options that choose the state backend that holds keyed and operator state. */
public final class StateBackendOptions {

    private StateBackendOptions() {}

    /** The state backend. */
    public static final ConfigOption<String> STATE_BACKEND = key("state.backend.type")
            .stringType()
            .defaultValue("hashmap")
            .withDeprecatedKeys("state.backend")
            .withDescription("The state backend: 'hashmap' keeps state as objects on the JVM heap, or the fully"
                    + " qualified name of a state backend factory class.");
}
