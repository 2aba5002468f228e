package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

import io.freshet.api.common.RuntimeExecutionMode;

/** Options of how DataStream programs execute. */
public final class ExecutionOptions {

    private ExecutionOptions() {}

    /** STREAMING, BATCH or AUTOMATIC. */
    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = key("execution.runtime-mode")
            .enumType(RuntimeExecutionMode.class)
            .defaultValue(RuntimeExecutionMode.STREAMING)
            .withDescription("How DataStream programs run: STREAMING (continuous results), BATCH (bounded inputs,"
                    + " stage by stage, final results) or AUTOMATIC (BATCH if every source is bounded).");

    /** Longest time a record waits in a partly filled network buffer. */
    public static final ConfigOption<Duration> BUFFER_TIMEOUT = key("execution.buffer-timeout.interval")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDeprecatedKeys("execution.buffer-timeout")
            .withDescription("How long a record may wait in a partly filled network buffer before the buffer is sent;"
                    + " '0 ms' sends after every record (lowest latency, lowest throughput). A task whose input runs"
                    + " dry sends its buffers at once.");

    /** Managed memory each keyed input of a BATCH task sorts in before it spills to disk. */
    public static final ConfigOption<MemorySize> SORTED_INPUTS_MEMORY = key("execution.sorted-inputs.memory")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(128))
            .withDescription("In BATCH mode, the managed memory in which a keyed input is sorted by key before its"
                    + " operator reads it; more data spills to sorted files in 'io.tmp.dirs' and is merged. Taken"
                    + " from the TaskManager's managed memory ('taskmanager.memory.managed.size'), at most what is"
                    + " free there.");
}
