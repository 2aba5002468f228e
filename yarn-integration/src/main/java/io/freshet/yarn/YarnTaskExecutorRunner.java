package io.freshet.yarn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.yarn.api.ApplicationConstants;

import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.taskexecutor.TaskManagerRunner;

/**
 * The main class of a TaskManager container: a {@link TaskManagerRunner} whose resource id is the container id and
 * whose host is the NodeManager's, with the ApplicationMaster's address passed by the YARN resource manager as
 * {@code -D} arguments. It ends with {@code System.exit}: YARN stops a container with SIGTERM, and Hadoop's client
 * threads (for {@code hdfs://} files) must not keep the JVM alive.
 */
public final class YarnTaskExecutorRunner {

    private YarnTaskExecutorRunner() {}

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(Arrays.asList(args));
        String containerId = System.getenv(ApplicationConstants.Environment.CONTAINER_ID.name());
        String host = System.getenv(ApplicationConstants.Environment.NM_HOST.name());
        if (containerId != null) {
            arguments.add("-D" + TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + containerId);
        }
        if (host != null) {
            arguments.add("-D" + TaskManagerOptions.HOST.key() + "=" + host);
        }
        // returns once the shutdown hook has stopped the TaskManager, or exits by itself when it cannot start
        TaskManagerRunner.main(arguments.toArray(new String[0]));
        System.exit(0);
    }
}
