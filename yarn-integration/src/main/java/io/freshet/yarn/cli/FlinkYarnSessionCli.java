package io.freshet.yarn.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.GlobalConfiguration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.KnownOptions;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.yarn.ClusterDeploymentException;
import io.freshet.yarn.YarnClusterClient;
import io.freshet.yarn.YarnClusterDescriptor;
import io.freshet.yarn.configuration.YarnConfigOptions;

/**
 * {@code bin/yarn-session.sh}: starts a YARN session, or attaches to a running one.
 *
 * <pre>
 * yarn-session.sh [-d] [-nm name] [-qu queue] [-jm memory] [-tm memory] [-s slots] [-D key=value]...
 * yarn-session.sh -id application_...   (attach; 'echo stop | yarn-session.sh -id ...' stops it)
 * </pre>
 *
 * <p>It prints the application id and {@code Found Web Interface <host:port>}, and remembers the id in the YARN
 * properties file for {@code bin/flink run}. Detached ({@code -d}) it returns at once and leaves the session running;
 * attached it reads commands from standard input ({@code stop} ends the session, {@code help}) and stops the session
 * on Ctrl-C. Exit code 0, or 1 with the reason on standard error. {@link #run} returns the exit code, so that tests
 * can drive the real class; only {@link #main} exits.
 */
public final class FlinkYarnSessionCli {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkYarnSessionCli.class);

    static final String USAGE = "Usage:\n"
            + "   Start a session:  yarn-session.sh [-d] [-nm <name>] [-qu <queue>] [-jm <memory>] [-tm <memory>]"
            + " [-s <slots>] [-D <key=value>]...\n"
            + "   Attach to one:    yarn-session.sh -id <applicationId>   ('echo stop | yarn-session.sh -id <id>'"
            + " stops it)\n"
            + "Options:\n"
            + "   -d,--detached                  return once the session runs; it stays running\n"
            + "   -nm,--name <name>              the YARN application's name (yarn.application.name)\n"
            + "   -qu,--queue <queue>            the YARN queue (yarn.application.queue)\n"
            + "   -jm,--jobManagerMemory <mem>   the JobManager's process memory, MB or with unit"
            + " (jobmanager.memory.process.size)\n"
            + "   -tm,--taskManagerMemory <mem>  each TaskManager's process memory, MB or with unit"
            + " (taskmanager.memory.process.size)\n"
            + "   -s,--slots <n>                 slots per TaskManager (taskmanager.numberOfTaskSlots)\n"
            + "   -D <key=value>                 any configuration option\n"
            + "   -id,--applicationId <id>       attach to the running session <id>\n"
            + "   -h,--help                      this help";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final String configurationDirectory;

    public FlinkYarnSessionCli(PrintStream out, PrintStream err, InputStream in, String configurationDirectory) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.configurationDirectory = configurationDirectory;
    }

    public static void main(String[] args) {
        int exitCode = new FlinkYarnSessionCli(System.out, System.err, System.in,
                System.getenv(GlobalConfiguration.ENV_FLINK_CONF_DIR)).run(args);
        System.out.flush();
        System.err.flush();
        // Hadoop's client threads are no daemons
        System.exit(exitCode);
    }

    public int run(String... args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.println(USAGE);
            return 1;
        }
        if (arguments.help) {
            out.println(USAGE);
            return 0;
        }
        try {
            Configuration configuration = configuration(arguments);
            try (YarnClusterDescriptor descriptor = YarnClusterDescriptor.fromEnvironment(configuration)) {
                YarnPropertiesFile propertiesFile = new YarnPropertiesFile(configuration);
                if (arguments.applicationId != null) {
                    ApplicationId applicationId = parseApplicationId(arguments.applicationId);
                    YarnClusterClient cluster = descriptor.retrieve(applicationId);
                    printStarted(cluster);
                    return attach(descriptor, cluster, propertiesFile, false);
                }
                YarnClusterClient cluster = descriptor.deploySessionCluster();
                printStarted(cluster);
                propertiesFile.writeApplicationId(cluster.getApplicationId().toString());
                if (arguments.detached) {
                    out.println("The session runs detached. Submit jobs with 'bin/flink run -t yarn-session ...';"
                            + " stop it with 'echo \"stop\" | ./bin/yarn-session.sh -id " + cluster.getApplicationId()
                            + "' (or 'yarn application -kill " + cluster.getApplicationId() + "').");
                    return 0;
                }
                return attach(descriptor, cluster, propertiesFile, true);
            }
        } catch (Exception e) {
            LOG.error("yarn-session.sh failed.", e);
            err.println();
            err.println("Error while running the YARN session client: " + e.getMessage());
            return 1;
        }
    }

    private Configuration configuration(Arguments arguments) {
        Configuration configuration = configurationDirectory == null ? new Configuration()
                : GlobalConfiguration.loadConfiguration(configurationDirectory, arguments.dynamicProperties);
        if (configurationDirectory == null) {
            arguments.dynamicProperties.forEach(configuration::setString);
        }
        if (arguments.name != null) {
            configuration.set(YarnConfigOptions.APPLICATION_NAME, arguments.name);
        }
        if (arguments.queue != null) {
            configuration.set(YarnConfigOptions.APPLICATION_QUEUE, arguments.queue);
        }
        if (arguments.jobManagerMemory != null) {
            configuration.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, memory(arguments.jobManagerMemory, "-jm"));
        }
        if (arguments.taskManagerMemory != null) {
            configuration.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, memory(arguments.taskManagerMemory, "-tm"));
        }
        if (arguments.slots != null) {
            configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, arguments.slots);
        }
        KnownOptions.validate(configuration, FlinkYarnSessionCli.class.getClassLoader());
        return configuration;
    }

    /** As in Flink: a plain number is megabytes. */
    private static MemorySize memory(String value, String option) {
        try {
            return value.matches("\\d+") ? MemorySize.ofMebiBytes(Long.parseLong(value)) : MemorySize.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " expects a memory size such as 1024 (MB) or 1g, not '"
                    + value + "'.", e);
        }
    }

    public static ApplicationId parseApplicationId(String id) throws ClusterDeploymentException {
        try {
            return ApplicationId.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw new ClusterDeploymentException("'" + id + "' is not a YARN application id; they look like"
                    + " application_1700000000000_0001 ('yarn application -list' lists them).", e);
        }
    }

    private void printStarted(YarnClusterClient cluster) {
        out.println("YARN application id: " + cluster.getApplicationId());
        out.println("Found Web Interface " + cluster.getWebInterfaceAddress() + " of application '"
                + cluster.getApplicationId() + "'.");
        out.println("JobManager Web Interface: http://" + cluster.getWebInterfaceAddress());
        out.flush();
    }

    /**
     * Reads commands until {@code stop} or the end of the application. At the end of standard input it goes on
     * watching the application; Ctrl-C (a shutdown hook) then stops the session if {@code stopOnInterrupt}.
     */
    private int attach(YarnClusterDescriptor descriptor, YarnClusterClient cluster, YarnPropertiesFile propertiesFile,
            boolean stopOnInterrupt) throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (stopOnInterrupt && stopped.compareAndSet(false, true)) {
                stop(cluster, propertiesFile);
            }
        }, "yarn-session-shutdown-hook");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("Type 'stop' (or 'quit') to stop the session, 'help' for help.");
        out.flush();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String command = line.trim();
            if (command.equals("stop") || command.equals("quit")) {
                stopped.set(true);
                Runtime.getRuntime().removeShutdownHook(hook);
                return stop(cluster, propertiesFile) ? 0 : 1;
            }
            if (command.equals("help")) {
                out.println("Commands: stop (or quit): stop the session; help: this help.");
            } else if (!command.isEmpty()) {
                out.println("Unknown command '" + command + "'. Commands: stop, quit, help.");
            }
            out.flush();
        }
        // no more input (e.g. started in the background): watch the application until it ends
        while (true) {
            ApplicationReport report = cluster.getApplicationReport();
            switch (report.getYarnApplicationState()) {
                case FINISHED:
                case FAILED:
                case KILLED:
                    stopped.set(true);
                    Runtime.getRuntime().removeShutdownHook(hook);
                    out.println("The YARN application " + cluster.getApplicationId() + " ended "
                            + report.getYarnApplicationState() + " (final status " + report.getFinalApplicationStatus()
                            + ").");
                    propertiesFile.deleteIfFor(cluster.getApplicationId().toString());
                    return 0;
                default:
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
            }
        }
    }

    private boolean stop(YarnClusterClient cluster, YarnPropertiesFile propertiesFile) {
        try {
            ApplicationReport report = cluster.shutDownCluster(Duration.ofMinutes(2));
            propertiesFile.deleteIfFor(cluster.getApplicationId().toString());
            out.println("Stopped the YARN session " + cluster.getApplicationId() + ": "
                    + report.getYarnApplicationState() + " with final status " + report.getFinalApplicationStatus()
                    + ".");
            out.flush();
            return true;
        } catch (Exception e) {
            LOG.error("Could not stop the YARN session {}.", cluster.getApplicationId(), e);
            err.println("Could not stop the YARN session " + cluster.getApplicationId() + ": " + e.getMessage()
                    + ". Kill it with 'yarn application -kill " + cluster.getApplicationId() + "'.");
            err.flush();
            return false;
        }
    }

    /** The parsed command line. */
    static final class Arguments {
        boolean detached;
        boolean help;
        String name;
        String queue;
        String jobManagerMemory;
        String taskManagerMemory;
        Integer slots;
        String applicationId;
        final Map<String, String> dynamicProperties = new LinkedHashMap<>();

        static Arguments parse(String[] args) {
            Arguments arguments = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-d":
                    case "--detached":
                        arguments.detached = true;
                        break;
                    case "-h":
                    case "--help":
                        arguments.help = true;
                        break;
                    case "-nm":
                    case "--name":
                        arguments.name = value(args, ++i, arg);
                        break;
                    case "-qu":
                    case "--queue":
                        arguments.queue = value(args, ++i, arg);
                        break;
                    case "-jm":
                    case "--jobManagerMemory":
                        arguments.jobManagerMemory = value(args, ++i, arg);
                        break;
                    case "-tm":
                    case "--taskManagerMemory":
                        arguments.taskManagerMemory = value(args, ++i, arg);
                        break;
                    case "-s":
                    case "--slots":
                        String slots = value(args, ++i, arg);
                        try {
                            arguments.slots = Integer.parseInt(slots);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(arg + " expects a number of slots, not '" + slots
                                    + "'.");
                        }
                        break;
                    case "-id":
                    case "--applicationId":
                        arguments.applicationId = value(args, ++i, arg);
                        break;
                    case "-D":
                        addDynamicProperty(arguments, value(args, ++i, arg));
                        break;
                    default:
                        if (arg.startsWith("-D") && arg.length() > 2) {
                            addDynamicProperty(arguments, arg.substring(2));
                            break;
                        }
                        throw new IllegalArgumentException("Unknown option '" + arg + "'.");
                }
            }
            return arguments;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException("The option " + option + " needs a value.");
            }
            return args[index];
        }

        private static void addDynamicProperty(Arguments arguments, String keyValue) {
            int equals = keyValue.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("-D expects key=value, not '" + keyValue + "'.");
            }
            arguments.dynamicProperties.put(keyValue.substring(0, equals).trim(),
                    keyValue.substring(equals + 1).trim());
        }
    }
}
