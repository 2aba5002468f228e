package io.freshet.client.cli;

import java.io.File;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.api.dag.Pipeline;
import io.freshet.client.deployment.ApplicationClusterDeployer;
import io.freshet.client.deployment.RestEndpointResolver;
import io.freshet.client.program.PackagedProgram;
import io.freshet.client.program.ProgramContext;
import io.freshet.client.program.rest.RestClusterClient;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.configuration.GlobalConfiguration;
import io.freshet.configuration.RestOptions;
import io.freshet.core.execution.DefaultExecutorServiceLoader;
import io.freshet.runtime.jobgraph.JobEdge;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;

/**
 * The command-line client behind {@code bin/flink}: {@code flink <ACTION> [OPTIONS] [ARGUMENTS]}.
 *
 * <p>Actions: {@code run} (a program's jar, on the target of {@code -t}: {@code local} runs an embedded
 * MiniCluster, {@code remote} (the default) submits to the cluster at {@code -m host:port} / {@code rest.address}),
 * {@code info} (the program's plan as JSON), {@code list} and {@code cancel} (through the cluster's REST API).
 * {@code run-application} deploys a cluster that runs the program itself, through the
 * {@link ApplicationClusterDeployer} of its target ({@code -t yarn-application}).
 *
 * <p>The configuration is {@code $FLINK_CONF_DIR/config.yaml} (or {@code flink-conf.yaml}) with the command line's
 * options on top. Errors go to the error stream in Flink's form ("The program finished with the following
 * exception:") and give exit code 1. {@link #run} returns the exit code instead of exiting, so that tests drive the
 * real class; only {@link #main} touches {@code System}.
 */
public final class CliFrontend {

    private static final Logger LOG = LoggerFactory.getLogger(CliFrontend.class);

    /** The version shown when the classes do not come from a jar with an Implementation-Version. */
    static final String UNKNOWN_VERSION = "<unknown>";

    static final String PROGRAM = "./flink";

    private final PrintStream out;
    private final PrintStream err;
    private final String version;
    private final String configurationDirectory;

    /** A front end that reports the version from the manifest of the jar holding this class. */
    public CliFrontend(PrintStream out, PrintStream err, String configurationDirectory) {
        this(out, err, versionOrUnknown(CliFrontend.class.getPackage().getImplementationVersion()),
                configurationDirectory);
    }

    /** A front end that reports the given version, for tests. */
    CliFrontend(PrintStream out, String version) {
        this(out, out, version, null);
    }

    CliFrontend(PrintStream out, PrintStream err, String version, String configurationDirectory) {
        this.out = out;
        this.err = err;
        this.version = version;
        this.configurationDirectory = configurationDirectory;
    }

    public static void main(String[] args) {
        int exitCode = new CliFrontend(System.out, System.err, System.getenv(GlobalConfiguration.ENV_FLINK_CONF_DIR))
                .run(args);
        System.out.flush();
        System.err.flush();
        System.exit(exitCode);
    }

    /** Runs one command line and returns the process exit code: 0 on success, 1 otherwise. */
    public int run(String... args) {
        if (args.length == 0) {
            out.println("Please specify an action.");
            out.println();
            printUsage();
            return 1;
        }

        String first = args[0];
        LOG.info("Freshet client, version {}, called with action '{}'.", version, first);
        switch (first) {
            case "-h":
            case "--help":
                printUsage();
                return 0;
            case "-v":
            case "--version":
                out.println("Version: " + version);
                return 0;
            default:
                break;
        }

        Optional<CliAction> action = CliAction.fromName(first);
        if (action.isEmpty()) {
            printInvalidAction(first);
            return 1;
        }
        if (asksForHelp(args)) {
            printAction(action.get());
            return 0;
        }
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(action.get(), args, 1);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            printAction(action.get());
            return 1;
        }
        try {
            switch (action.get()) {
                case RUN:
                    return runProgram(commandLine, false);
                case RUN_APPLICATION:
                    return runApplication(commandLine);
                case INFO:
                    return runProgram(commandLine, true);
                case LIST:
                    return list(commandLine);
                case CANCEL:
                    return cancel(commandLine);
                case SAVEPOINT:
                    return savepoint(commandLine);
                case STOP:
                    return stop(commandLine);
                default:
                    err.println("The \"" + first + "\" action is not available in this build of Freshet yet.");
                    return 1;
            }
        } catch (Throwable t) {
            LOG.error("Error while running the command.", t);
            printError(t);
            return 1;
        }
    }

    // ---- actions ----

    private int runProgram(CommandLine commandLine, boolean planOnly) throws Exception {
        if (commandLine.arguments().isEmpty()) {
            err.println("The program's JAR file was not specified: " + PROGRAM + " "
                    + (planOnly ? "info" : "run") + " [OPTIONS] <jar-file> <arguments>");
            return 1;
        }
        Configuration configuration = effectiveConfiguration(commandLine);
        Optional<String> savepoint = commandLine.value("fromSavepoint");
        if (savepoint.isPresent()) {
            configuration.set(io.freshet.configuration.StateRecoveryOptions.SAVEPOINT_PATH, savepoint.get());
        }
        if (commandLine.has("allowNonRestoredState")) {
            configuration.set(io.freshet.configuration.StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        File jar = new File(commandLine.arguments().get(0));
        String[] programArguments = commandLine.arguments().subList(1, commandLine.arguments().size())
                .toArray(new String[0]);
        try (PackagedProgram program = PackagedProgram.create(jar, commandLine.value("class").orElse(null),
                programArguments, configuration)) {
            Pipeline pipeline = ProgramContext.executeProgram(new DefaultExecutorServiceLoader(), configuration,
                    program, out, planOnly);
            if (!planOnly) {
                return 0;
            }
            if (pipeline == null) {
                err.println("The program " + program.getMainClassName() + " did not execute a job, so it has no"
                        + " plan.");
                return 1;
            }
            out.println("----------------------- Execution Plan -----------------------");
            out.println(jsonPlan(pipeline));
            out.println("--------------------------------------------------------------");
            return 0;
        }
    }

    /** {@code run-application}: a cluster of the target runs the program's main method. */
    private int runApplication(CommandLine commandLine) throws Exception {
        if (commandLine.arguments().isEmpty()) {
            err.println("The program's JAR file was not specified: " + PROGRAM
                    + " run-application -t yarn-application [OPTIONS] <jar-file> <arguments>");
            return 1;
        }
        Configuration configuration = effectiveConfiguration(commandLine);
        String target = configuration.get(DeploymentOptions.TARGET);
        File jar = new File(commandLine.arguments().get(0));
        if (!jar.isFile()) {
            err.println("The program's JAR file " + jar + " does not exist.");
            return 1;
        }
        for (ApplicationClusterDeployer deployer : ServiceLoader.load(ApplicationClusterDeployer.class,
                CliFrontend.class.getClassLoader())) {
            if (deployer.isCompatibleWith(configuration)) {
                deployer.run(configuration, jar, commandLine.value("class").orElse(null),
                        commandLine.arguments().subList(1, commandLine.arguments().size()), out);
                return 0;
            }
        }
        err.println("Application mode needs a target that runs programs on the cluster, such as -t yarn-application"
                + " (with the yarn-integration jar in lib/ and HADOOP_CLASSPATH); '" + target + "' does not.");
        return 1;
    }

    private int list(CommandLine commandLine) throws Exception {
        boolean running = commandLine.has("running");
        boolean scheduled = commandLine.has("scheduled");
        boolean all = commandLine.has("all");
        if (!running && !scheduled && !all) {
            running = true;
            scheduled = true;
        }
        if (all) {
            running = true;
            scheduled = true;
        }
        RestClusterClient client = restClient(commandLine);
        out.println("Waiting for response...");
        List<RestClusterClient.JobOverview> jobs = new ArrayList<>(client.listJobs());
        jobs.sort(Comparator.comparingLong(job -> job.startTime));
        List<RestClusterClient.JobOverview> runningJobs = new ArrayList<>();
        List<RestClusterClient.JobOverview> scheduledJobs = new ArrayList<>();
        List<RestClusterClient.JobOverview> terminatedJobs = new ArrayList<>();
        for (RestClusterClient.JobOverview job : jobs) {
            if (job.state == JobStatus.RUNNING || job.state == JobStatus.RESTARTING || job.state == JobStatus.FAILING
                    || job.state == JobStatus.CANCELLING) {
                runningJobs.add(job);
            } else if (job.state.isGloballyTerminalState()) {
                terminatedJobs.add(job);
            } else {
                scheduledJobs.add(job);
            }
        }
        if (running) {
            printJobs(runningJobs, "------------------ Running/Restarting Jobs -------------------",
                    "No running jobs.");
        }
        if (scheduled) {
            printJobs(scheduledJobs, "----------------------- Scheduled Jobs -----------------------",
                    "No scheduled jobs.");
        }
        if (all) {
            printJobs(terminatedJobs, "---------------------- Terminated Jobs -----------------------",
                    "No terminated jobs.");
        }
        return 0;
    }

    private void printJobs(List<RestClusterClient.JobOverview> jobs, String title, String none) {
        if (jobs.isEmpty()) {
            out.println(none);
            return;
        }
        SimpleDateFormat format = new SimpleDateFormat("dd.MM.yyyy HH:mm:ss");
        out.println(title);
        for (RestClusterClient.JobOverview job : jobs) {
            out.println(format.format(new Date(job.startTime)) + " : " + job.jobId + " : " + job.name + " ("
                    + job.state + ")");
        }
        out.println("--------------------------------------------------------------");
    }

    private int cancel(CommandLine commandLine) throws Exception {
        if (commandLine.arguments().isEmpty()) {
            err.println("Missing JobID. Specify a JobID to cancel: " + PROGRAM + " cancel <Job ID>");
            return 1;
        }
        String id = commandLine.arguments().get(0);
        JobID jobId;
        try {
            jobId = JobID.fromHexString(id);
        } catch (IllegalArgumentException e) {
            err.println("Error: '" + id + "' is not a valid JobID: a JobID is 32 hexadecimal characters, as printed"
                    + " by '" + PROGRAM + " list'.");
            return 1;
        }
        RestClusterClient client = restClient(commandLine);
        out.println("Cancelling job " + jobId + ".");
        client.cancel(jobId);
        out.println("Cancelled job " + jobId + ".");
        return 0;
    }

    /** The JobID argument, or null after printing what is wrong. */
    private JobID jobIdArgument(CommandLine commandLine, String action) {
        if (commandLine.arguments().isEmpty()) {
            err.println("Missing JobID. Specify a JobID: " + PROGRAM + " " + action + " <Job ID>");
            return null;
        }
        String id = commandLine.arguments().get(0);
        try {
            return JobID.fromHexString(id);
        } catch (IllegalArgumentException e) {
            err.println("Error: '" + id + "' is not a valid JobID: a JobID is 32 hexadecimal characters, as printed"
                    + " by '" + PROGRAM + " list'.");
            return null;
        }
    }

    private int savepoint(CommandLine commandLine) throws Exception {
        Optional<String> dispose = commandLine.value("dispose");
        if (dispose.isPresent()) {
            return disposeSavepoint(dispose.get());
        }
        JobID jobId = jobIdArgument(commandLine, "savepoint");
        if (jobId == null) {
            return 1;
        }
        String target = commandLine.arguments().size() > 1 ? commandLine.arguments().get(1) : null;
        RestClusterClient client = restClient(commandLine);
        out.println("Triggering savepoint for job " + jobId + ".");
        out.println("Waiting for response...");
        String path = client.triggerSavepoint(jobId, target);
        out.println("Savepoint completed. Path: " + path);
        out.println("You can resume your program from this savepoint with the run command.");
        return 0;
    }

    private int disposeSavepoint(String path) throws Exception {
        io.freshet.runtime.checkpoint.CheckpointMetadataStorage.read(path, getClass().getClassLoader());
        io.freshet.core.fs.Path directory = new io.freshet.core.fs.Path(path);
        if (directory.getName().equals(io.freshet.runtime.checkpoint.CheckpointMetadataStorage.METADATA_FILE_NAME)) {
            directory = directory.getParent();
        }
        directory.getFileSystem().delete(directory, true);
        out.println("Savepoint '" + path + "' disposed.");
        return 0;
    }

    private int stop(CommandLine commandLine) throws Exception {
        JobID jobId = jobIdArgument(commandLine, "stop");
        if (jobId == null) {
            return 1;
        }
        boolean drain = commandLine.has("drain");
        RestClusterClient client = restClient(commandLine);
        out.println((drain ? "Draining" : "Suspending") + " job \"" + jobId + "\" with a CANONICAL savepoint.");
        String path = client.stopWithSavepoint(jobId, commandLine.value("savepointPath").orElse(null), drain);
        out.println("Savepoint completed. Path: " + path);
        return 0;
    }

    // ---- configuration ----

    /**
     * A REST client for the cluster of the command line: {@code rest.address}/{@code -m}, or for targets whose address
     * is found at runtime (YARN) what their {@link RestEndpointResolver} finds.
     */
    private RestClusterClient restClient(CommandLine commandLine) throws Exception {
        Configuration configuration = effectiveConfiguration(commandLine);
        String target = configuration.get(DeploymentOptions.TARGET);
        if (!target.equals("remote") && !target.equals("local")) {
            for (RestEndpointResolver resolver : ServiceLoader.load(RestEndpointResolver.class,
                    CliFrontend.class.getClassLoader())) {
                if (resolver.isCompatibleWith(configuration)) {
                    return new RestClusterClient(resolver.resolve(configuration));
                }
            }
            throw new IllegalArgumentException("No cluster of the target '" + target + "' can be reached from here:"
                    + " no module on the classpath serves it (YARN targets need the yarn-integration jar in lib/ and"
                    + " HADOOP_CLASSPATH). Use -m host:port for a cluster's REST address.");
        }
        return new RestClusterClient(configuration);
    }

    /** The configuration file's options, then -D, -m, -t, -p and -d. */
    Configuration effectiveConfiguration(CommandLine commandLine) {
        Configuration configuration = configurationDirectory != null
                && Files.isDirectory(Paths.get(configurationDirectory))
                        ? GlobalConfiguration.loadConfiguration(configurationDirectory)
                        : new Configuration();
        for (String property : commandLine.values("D")) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("-D expects key=value, not '" + property + "'.");
            }
            configuration.setString(property.substring(0, equals).trim(), property.substring(equals + 1).trim());
        }
        Optional<String> jobManager = commandLine.value("jobmanager");
        if (jobManager.isPresent()) {
            String address = jobManager.get();
            int colon = address.lastIndexOf(':');
            if (colon <= 0 || colon == address.length() - 1) {
                throw new IllegalArgumentException("-m expects the JobManager's REST address as host:port, not '"
                        + address + "'.");
            }
            configuration.set(RestOptions.ADDRESS, address.substring(0, colon));
            try {
                configuration.set(RestOptions.PORT, Integer.parseInt(address.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-m expects host:port; '" + address.substring(colon + 1)
                        + "' is not a port.");
            }
            configuration.set(DeploymentOptions.TARGET, "remote");
        }
        commandLine.value("target").ifPresent(target -> configuration.set(DeploymentOptions.TARGET, target));
        if (!configuration.contains(DeploymentOptions.TARGET)) {
            configuration.set(DeploymentOptions.TARGET, "remote");
        }
        Optional<String> parallelism = commandLine.value("parallelism");
        if (parallelism.isPresent()) {
            int value;
            try {
                value = Integer.parseInt(parallelism.get());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value <= 0) {
                throw new IllegalArgumentException("The parallelism must be a positive number: " + parallelism.get());
            }
            configuration.set(CoreOptions.DEFAULT_PARALLELISM, value);
        }
        configuration.set(DeploymentOptions.ATTACHED, !commandLine.has("detached"));
        return configuration;
    }

    /** The JobGraph as JSON: job id and name, and per vertex its id, name, parallelism and inputs. */
    private static String jsonPlan(Pipeline pipeline) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode plan = json.createObjectNode();
        if (pipeline instanceof io.freshet.streaming.api.graph.StreamGraph) {
            // a DataStream program: its plan is the JobGraph it translates to (chains as vertices)
            pipeline = io.freshet.streaming.api.graph.StreamingJobGraphGenerator.createJobGraph(
                    (io.freshet.streaming.api.graph.StreamGraph) pipeline);
        }
        if (pipeline instanceof JobGraph) {
            JobGraph jobGraph = (JobGraph) pipeline;
            plan.put("jid", jobGraph.getJobID().toString());
            plan.put("name", jobGraph.getName());
            ArrayNode nodes = plan.putArray("nodes");
            for (JobVertex vertex : jobGraph.getVertices()) {
                ObjectNode node = nodes.addObject();
                node.put("id", vertex.getID().toString());
                node.put("parallelism", vertex.getParallelism());
                node.put("operator", vertex.getInvokableClassName());
                node.put("description", vertex.getName());
                ArrayNode inputs = node.putArray("inputs");
                int number = 0;
                for (JobEdge edge : vertex.getInputs()) {
                    ObjectNode input = inputs.addObject();
                    input.put("num", number++);
                    input.put("id", edge.getSource().getProducer().getID().toString());
                    input.put("ship_strategy", edge.getDistributionPattern().toString());
                    input.put("exchange", edge.getSource().getResultType().toString().toLowerCase());
                }
            }
        } else {
            plan.put("type", pipeline.getClass().getName());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(plan);
    }

    /** Flink's error block: the stack trace of what went wrong, under a banner. */
    private void printError(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        err.println();
        err.println("------------------------------------------------------------");
        err.println(" The program finished with the following exception:");
        err.println();
        err.print(trace);
    }

    static String versionOrUnknown(String implementationVersion) {
        if (implementationVersion == null || implementationVersion.isBlank()) {
            return UNKNOWN_VERSION;
        }
        return implementationVersion;
    }

    private static boolean asksForHelp(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                return true;
            }
        }
        return false;
    }

    // ---- usage text ----

    private void printUsage() {
        out.println(PROGRAM + " <ACTION> [OPTIONS] [ARGUMENTS]");
        out.println();
        out.println("General options:");
        out.println("     -h,--help       Show this help; after an action, the help of that action only.");
        out.println("     -v,--version    Show the version of Freshet.");
        out.println();
        out.println("The following actions are available:");
        for (CliAction action : CliAction.values()) {
            out.println();
            printAction(action);
        }
    }

    private void printAction(CliAction action) {
        out.println("Action \"" + action.actionName() + "\" " + action.description());
        out.println();
        out.println("  Syntax: " + action.syntax());
        out.println("  \"" + action.actionName() + "\" action options:");
        int width = 0;
        for (CliOption option : action.options()) {
            width = Math.max(width, option.synopsis().length());
        }
        for (CliOption option : action.options()) {
            String synopsis = option.synopsis();
            out.println("     " + synopsis + " ".repeat(width - synopsis.length() + 3) + option.description());
        }
    }

    private void printInvalidAction(String action) {
        StringJoiner valid = new StringJoiner(", ");
        for (CliAction candidate : CliAction.values()) {
            valid.add('"' + candidate.actionName() + '"');
        }
        out.println('"' + action + "\" is not a valid action.");
        out.println();
        out.println("Valid actions are " + valid + ".");
        out.println("Run '" + PROGRAM + " --help' for the usage of each, '" + PROGRAM + " --version' for the version.");
    }
}
