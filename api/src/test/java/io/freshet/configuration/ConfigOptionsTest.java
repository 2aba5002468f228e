package io.freshet.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigOptionsTest {

    @Test
    void builderRecordsTypeDefaultAndDescription() {
        ConfigOption<Duration> option = ConfigOptions.key("a.b").durationType().defaultValue(Duration.ofSeconds(1))
                .withDescription("desc");

        assertThat(option.key()).isEqualTo("a.b");
        assertThat(option.getClazz()).isEqualTo(Duration.class);
        assertThat(option.isList()).isFalse();
        assertThat(option.hasDefaultValue()).isTrue();
        assertThat(option.defaultValue()).isEqualTo(Duration.ofSeconds(1));
        assertThat(option.description()).isEqualTo("desc");
    }

    @Test
    void listBuilderMakesListOptionWithImmutableDefaults() {
        ConfigOption<List<Integer>> option = ConfigOptions.key("l").intType().asList().defaultValues(1, 2);

        assertThat(option.isList()).isTrue();
        assertThat(option.getClazz()).isEqualTo(Integer.class);
        assertThat(option.defaultValue()).containsExactly(1, 2);
    }

    @Test
    void fallbackAndDeprecatedKeysKeepTheirOrderAndKind() {
        ConfigOption<String> option = ConfigOptions.key("new").stringType().noDefaultValue()
                .withFallbackKeys("fallback")
                .withDeprecatedKeys("old1", "old2");

        assertThat(option.fallbackKeys()).extracting(FallbackKey::getKey).containsExactly("fallback", "old1", "old2");
        assertThat(option.fallbackKeys()).extracting(FallbackKey::isDeprecated).containsExactly(false, true, true);
        assertThat(option.deprecatedKeys()).containsExactly("old1", "old2");
        assertThat(option.hasDeprecatedKeys()).isTrue();
        assertThat(option.hasFallbackKeys()).isTrue();
    }

    @Test
    void withMethodsReturnNewOptions() {
        ConfigOption<String> original = ConfigOptions.key("k").stringType().noDefaultValue();
        ConfigOption<String> described = original.withDescription("d");

        assertThat(original.description()).isEmpty();
        assertThat(described.description()).isEqualTo("d");
        assertThat(original.withDeprecatedKeys("x").hasFallbackKeys()).isTrue();
        assertThat(original.hasFallbackKeys()).isFalse();
    }

    @Test
    void flinkKeysAndDefaultsAreMirrored() {
        assertThat(TaskManagerOptions.NUM_TASK_SLOTS.key()).isEqualTo("taskmanager.numberOfTaskSlots");
        assertThat(TaskManagerOptions.NUM_TASK_SLOTS.defaultValue()).isEqualTo(1);
        assertThat(TaskManagerOptions.MEMORY_SEGMENT_SIZE.defaultValue()).isEqualTo(MemorySize.parse("32 kb"));
        assertThat(CoreOptions.DEFAULT_PARALLELISM.defaultValue()).isEqualTo(1);
        assertThat(CoreOptions.FLINK_JVM_OPTIONS.deprecatedKeys()).containsExactly("env.java.opts");
        assertThat(CheckpointingOptions.CHECKPOINTS_DIRECTORY.deprecatedKeys()).contains("state.checkpoints.dir");
        assertThat(CheckpointingOptions.SAVEPOINT_DIRECTORY.deprecatedKeys()).contains("state.savepoints.dir");
        assertThat(RestartStrategyOptions.RESTART_STRATEGY.deprecatedKeys()).containsExactly("restart-strategy");
        assertThat(HighAvailabilityOptions.HA_MODE.deprecatedKeys()).contains("high-availability");
        assertThat(StateBackendOptions.STATE_BACKEND.deprecatedKeys()).containsExactly("state.backend");
        assertThat(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.defaultValue()).isEqualTo(Duration.ofSeconds(50));
        assertThat(PipelineOptions.AUTO_WATERMARK_INTERVAL.defaultValue()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void restBindPortFallsBackToRestPort() {
        Configuration configuration = new Configuration().set(RestOptions.PORT, 9090);

        assertThat(configuration.get(RestOptions.BIND_PORT)).isEqualTo("9090");
    }

    @Test
    void oldCheckpointDirectoryKeyStillWorks() {
        Configuration configuration = new Configuration();
        configuration.setString("state.checkpoints.dir", "hdfs:///old");
        assertThat(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("hdfs:///old");

        configuration.setString("execution.checkpointing.dir", "hdfs:///new");
        assertThat(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("hdfs:///new");
    }
}
