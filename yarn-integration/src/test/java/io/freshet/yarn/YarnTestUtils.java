package io.freshet.yarn;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.hadoop.yarn.api.records.ApplicationAttemptReport;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.testutils.DistributionScripts;
import io.freshet.yarn.configuration.YarnConfigOptions;

/** Configuration and waiting for the YARN tests. */
final class YarnTestUtils {

    private YarnTestUtils() {}

    /**
     * Small JobManager and TaskManagers, and the test classpath appended to the containers' classpath (the
     * NodeManagers share this host): this module's classes, the test classes with the jobs' functions, and Hadoop.
     * The jars of lib/ are localized for real.
     */
    static Configuration smallCluster() {
        Configuration configuration = new Configuration();
        configuration.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("768m"));
        configuration.set(JobManagerOptions.JVM_METASPACE, MemorySize.parse("128m"));
        configuration.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse("768m"));
        configuration.set(TaskManagerOptions.JVM_METASPACE, MemorySize.parse("128m"));
        configuration.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        configuration.set(CoreOptions.FLINK_JVM_OPTIONS, "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                + " --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED");
        configuration.set(YarnConfigOptions.EXTRA_CLASSPATH, List.of(
                DistributionScripts.testClasspath(YarnTestUtils.class).split(File.pathSeparator)));
        return configuration;
    }

    /**
     * A copy of the distribution's lib/ without this module's own jar, which may be older than its classes under
     * test (the test classpath brings those).
     */
    static File libDirectory(Path target) throws IOException {
        Path source = DistributionScripts.findDistributionHome().resolve("lib");
        Path lib = Files.createDirectories(target.resolve("lib"));
        try (var jars = Files.list(source)) {
            for (Path jar : (Iterable<Path>) jars::iterator) {
                String name = jar.getFileName().toString();
                if (name.endsWith(".jar") && !name.startsWith("freshet-yarn-integration")) {
                    Files.copy(jar, lib.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return lib.toFile();
    }

    static File confDirectory() {
        return DistributionScripts.findDistributionHome().resolve("conf").toFile();
    }

    /** The running containers of the application's current attempt, the AM's included. */
    static List<ContainerReport> runningContainers(YarnClient yarn, ApplicationId applicationId) throws Exception {
        List<ContainerReport> containers = new ArrayList<>();
        for (ApplicationAttemptReport attempt : yarn.getApplicationAttempts(applicationId)) {
            containers.addAll(yarn.getContainers(attempt.getApplicationAttemptId()));
        }
        containers.removeIf(c -> c.getContainerState() != org.apache.hadoop.yarn.api.records.ContainerState.RUNNING);
        return containers;
    }

    /**
     * The process of a container: the NodeManagers share this host, and a container's working directory is named
     * by its id.
     */
    static long processOfContainer(String containerId) throws IOException {
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    Path cwd = Files.readSymbolicLink(process.resolve("cwd"));
                    String command = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
                    if (cwd.toString().endsWith(containerId) && command.contains("java")) {
                        return Long.parseLong(name);
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // a process that ended meanwhile, or one we may not look at
                }
            }
        }
        throw new AssertionError("No java process runs in the working directory of container " + containerId);
    }

    /** Polls {@code condition} every 50 ms until it holds; fails naming {@code what} after {@code timeout}. */
    static void waitUntil(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
