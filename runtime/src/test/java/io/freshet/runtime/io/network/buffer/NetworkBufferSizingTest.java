package io.freshet.runtime.io.network.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.TaskManagerOptions;

class NetworkBufferSizingTest {

    @Test
    void fractionOfTheFlinkMemoryDividedIntoSegments() {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(1));

        int buffers = NetworkBufferSizing.numberOfNetworkBuffers(config, MemorySize.ofMebiBytes(1000), 1);

        // 10% of 1000 MiB in 32 KiB segments
        assertThat(buffers).isEqualTo((int) (MemorySize.ofMebiBytes(1000).getBytes() / 10 / 32768));
    }

    @Test
    void minAndMaxBoundTheFraction() {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(64));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(128));

        assertThat(NetworkBufferSizing.networkMemorySize(config, MemorySize.ofMebiBytes(100)))
                .isEqualTo(MemorySize.ofMebiBytes(64));
        assertThat(NetworkBufferSizing.networkMemorySize(config, MemorySize.ofMebiBytes(100_000)))
                .isEqualTo(MemorySize.ofMebiBytes(128));
        assertThat(NetworkBufferSizing.numberOfNetworkBuffers(config, MemorySize.ofMebiBytes(100), 1))
                .isEqualTo(64 * 32);
    }

    @Test
    void minAboveMaxIsAClearConfigurationError() {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(256));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(128));

        assertThatThrownBy(() -> NetworkBufferSizing.numberOfNetworkBuffers(config, MemorySize.ofMebiBytes(1024), 1))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'taskmanager.memory.network.min' (256")
                .hasMessageContaining("'taskmanager.memory.network.max' (128");
    }

    @Test
    void tooFewBuffersForTheRequiredMinimumIsAClearConfigurationError() {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(1));
        config.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(1));

        assertThatThrownBy(() -> NetworkBufferSizing.numberOfNetworkBuffers(config, MemorySize.ofMebiBytes(1024), 100))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("gives 32 buffers of 32768 bytes, but at least 100 are needed")
                .hasMessageContaining("taskmanager.memory.network.fraction");
    }

    @Test
    void segmentSizeComesFromItsOptionAndIsValidated() {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("4kb"));
        assertThat(NetworkBufferSizing.segmentSize(config)).isEqualTo(4096);

        config.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, new MemorySize(16));
        assertThatThrownBy(() -> NetworkBufferSizing.segmentSize(config))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("taskmanager.memory.segment-size");
    }
}
