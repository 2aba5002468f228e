package io.freshet.runtime.util.bash;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.clusterframework.ProcessMemorySpec;
import io.freshet.runtime.entrypoint.EntrypointArguments;

/**
 * What the scripts ask Java before they start a daemon: {@code GET_TM_RESOURCE_PARAMS} and
 * {@code GET_JM_RESOURCE_PARAMS} print the JVM memory flags of a TaskManager or JobManager, computed from the
 * configuration, on a line starting with {@value #RESULT_PREFIX} (the scripts take that line, whatever else is
 * printed). A configuration error is printed on standard error and exits with 1.
 */
public final class BashJavaUtils {

    public static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private BashJavaUtils() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: BashJavaUtils GET_TM_RESOURCE_PARAMS|GET_JM_RESOURCE_PARAMS --configDir <dir>"
                    + " [-D key=value]...");
            System.exit(1);
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            Configuration config = EntrypointArguments.parse("BashJavaUtils", rest).loadConfiguration();
            ProcessMemorySpec spec;
            switch (args[0]) {
                case "GET_TM_RESOURCE_PARAMS":
                    spec = ProcessMemorySpec.forTaskManager(config);
                    break;
                case "GET_JM_RESOURCE_PARAMS":
                    spec = ProcessMemorySpec.forJobManager(config);
                    break;
                default:
                    throw new IllegalArgumentException("unknown command " + args[0]);
            }
            System.out.println(RESULT_PREFIX + spec.jvmMemoryArguments());
        } catch (RuntimeException e) {
            System.err.println("[ERROR] " + e.getMessage());
            System.exit(1);
        }
    }
}
