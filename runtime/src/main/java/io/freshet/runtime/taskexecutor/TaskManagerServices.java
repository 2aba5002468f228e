package io.freshet.runtime.taskexecutor;

import java.util.Objects;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.execution.librarycache.LibraryCacheManager;
import io.freshet.runtime.memory.MemoryManager;
import io.freshet.runtime.shuffle.ShuffleEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services a {@link TaskExecutor} owns and closes when it stops: managed memory, the shuffle environment and
 * the user-code class loaders.
 */
public final class TaskManagerServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerServices.class);

    /** Managed memory when neither its size nor the Freshet memory size is configured. */
    static final MemorySize DEFAULT_MANAGED_MEMORY = MemorySize.ofMebiBytes(128);

    private final MemoryManager memoryManager;
    private final ShuffleEnvironment shuffleEnvironment;
    private final LibraryCacheManager libraryCacheManager;

    public TaskManagerServices(MemoryManager memoryManager, ShuffleEnvironment shuffleEnvironment,
            LibraryCacheManager libraryCacheManager) {
        this.memoryManager = Objects.requireNonNull(memoryManager, "memoryManager");
        this.shuffleEnvironment = Objects.requireNonNull(shuffleEnvironment, "shuffleEnvironment");
        this.libraryCacheManager = Objects.requireNonNull(libraryCacheManager, "libraryCacheManager");
    }

    /**
     * Managed memory of {@code taskmanager.memory.managed.size} (else {@code taskmanager.memory.managed.fraction}
     * of {@code taskmanager.memory.flink.size}, else 128 mb) in pages of {@code taskmanager.memory.segment-size};
     * class loaders per {@code classloader.resolve-order}; the given shuffle environment.
     */
    public static TaskManagerServices fromConfiguration(Configuration configuration,
            ShuffleEnvironment shuffleEnvironment) {
        MemoryManager memoryManager = new MemoryManager(managedMemorySize(configuration).getBytes(),
                (int) configuration.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytes());
        return new TaskManagerServices(memoryManager, shuffleEnvironment,
                LibraryCacheManager.fromConfiguration(configuration));
    }

    static MemorySize managedMemorySize(Configuration configuration) {
        if (configuration.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
            return configuration.get(TaskManagerOptions.MANAGED_MEMORY_SIZE);
        }
        if (configuration.contains(TaskManagerOptions.TOTAL_FLINK_MEMORY)) {
            long flinkBytes = configuration.get(TaskManagerOptions.TOTAL_FLINK_MEMORY).getBytes();
            return new MemorySize((long) (flinkBytes * configuration.get(TaskManagerOptions.MANAGED_MEMORY_FRACTION)));
        }
        return DEFAULT_MANAGED_MEMORY;
    }

    public MemoryManager getMemoryManager() {
        return memoryManager;
    }

    public ShuffleEnvironment getShuffleEnvironment() {
        return shuffleEnvironment;
    }

    public LibraryCacheManager getLibraryCacheManager() {
        return libraryCacheManager;
    }

    /** Closes the shuffle environment, the class loaders and managed memory; logs what fails and goes on. */
    @Override
    public void close() {
        try {
            shuffleEnvironment.close();
        } catch (Exception e) {
            LOG.warn("Could not close the shuffle environment.", e);
        }
        libraryCacheManager.close();
        memoryManager.shutdown();
    }
}
