package io.freshet.yarn;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.GlobalConfiguration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.clusterframework.ProcessMemorySpec;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobGraphSerializer;
import io.freshet.runtime.util.FileUtils;
import io.freshet.yarn.configuration.YarnConfigOptions;
import io.freshet.yarn.entrypoint.YarnApplicationClusterEntrypoint;
import io.freshet.yarn.entrypoint.YarnJobClusterEntrypoint;
import io.freshet.yarn.entrypoint.YarnSessionClusterEntrypoint;

/**
 * Deploys Freshet clusters on YARN and finds running ones: the client side of {@code bin/yarn-session.sh} and
 * {@code bin/flink run -t yarn-*}.
 *
 * <p>Deploying uploads the application's files into its staging directory
 * ({@code <yarn.staging-directory or home>/.flink/<application id>/}: the jars of lib/ unless
 * {@code yarn.provided.lib.dirs} names them on HDFS already, {@code yarn.ship-files}, the configuration as
 * {@code config.yaml}, the Log4j configuration of conf/, the client's Hadoop configuration), submits the
 * ApplicationMaster with {@code jobmanager.memory.process.size} and {@code yarn.appmaster.vcores} to
 * {@code yarn.application.queue}, and waits until the AM runs and has registered its REST address. The AM deletes the
 * staging directory when the application ends; a failed deployment deletes it at once and kills what it submitted.
 */
public final class YarnClusterDescriptor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterDescriptor.class);

    /** The JobManager's memory when {@code jobmanager.memory.process.size} is unset, as Flink's on YARN. */
    static final MemorySize DEFAULT_JOB_MANAGER_MEMORY = MemorySize.parse("1600m");
    /** The TaskManagers' memory when {@code taskmanager.memory.process.size} is unset, as Flink's on YARN. */
    static final MemorySize DEFAULT_TASK_MANAGER_MEMORY = MemorySize.parse("1728m");

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Configuration configuration;
    private final YarnConfiguration yarnConfiguration;
    private final File libDirectory;
    private final File confDirectory;
    private final YarnClient yarnClient;

    /**
     * @param configuration Freshet's configuration for the cluster (conf/config.yaml and the command line's -D)
     * @param yarnConfiguration where YARN and the default file system are ({@link YarnConfigurationLoader})
     * @param libDirectory the distribution's lib/, uploaded unless {@code yarn.provided.lib.dirs} is set; may be null
     *     then
     * @param confDirectory the distribution's conf/, for its {@value YarnConfigKeys#LOG4J_FILE}; may be null
     */
    public YarnClusterDescriptor(Configuration configuration, YarnConfiguration yarnConfiguration, File libDirectory,
            File confDirectory) {
        this.configuration = new Configuration(configuration);
        this.yarnConfiguration = new YarnConfiguration(yarnConfiguration);
        // MiniDFSCluster sets a class that only its own jar has; an AM without it would die at its first HDFS call
        this.yarnConfiguration.unset("net.topology.node.switch.mapping.impl");
        this.libDirectory = libDirectory;
        this.confDirectory = confDirectory;
        this.yarnClient = YarnClient.createYarnClient();
        yarnClient.init(this.yarnConfiguration);
        yarnClient.start();
    }

    /**
     * A descriptor for the distribution the scripts run from: the Hadoop configuration from HADOOP_CONF_DIR and
     * friends ({@link YarnConfigurationLoader}), lib/ from FLINK_LIB_DIR, conf/ from FLINK_CONF_DIR.
     */
    public static YarnClusterDescriptor fromEnvironment(Configuration configuration) {
        Map<String, String> environment = System.getenv();
        YarnConfiguration yarn = YarnConfigurationLoader.load(configuration, environment);
        String lib = environment.get("FLINK_LIB_DIR");
        String conf = environment.get(GlobalConfiguration.ENV_FLINK_CONF_DIR);
        return new YarnClusterDescriptor(configuration, yarn, lib == null ? null : new File(lib),
                conf == null ? null : new File(conf));
    }

    public YarnConfiguration getYarnConfiguration() {
        return yarnConfiguration;
    }

    public YarnClient getYarnClient() {
        return yarnClient;
    }

    // ---- deploy ----

    /** Starts a session cluster and returns once its REST API answers to YARN's report. */
    public YarnClusterClient deploySessionCluster() throws ClusterDeploymentException {
        String name = configuration.getOptional(YarnConfigOptions.APPLICATION_NAME).orElse("Freshet session cluster");
        return deploy(name, YarnSessionClusterEntrypoint.class.getName(), Map.of());
    }

    /**
     * Starts a per-job cluster for {@code jobGraph}: the graph and its jars are shipped with the application (the jars
     * on the classpath of the JobManager and the TaskManagers), the ApplicationMaster runs the job and ends the
     * application when the job ends, with final status SUCCEEDED, FAILED (the cause in YARN's diagnostics) or
     * KILLED (cancelled).
     */
    public YarnClusterClient deployJobCluster(JobGraph jobGraph) throws ClusterDeploymentException {
        String name = configuration.getOptional(YarnConfigOptions.APPLICATION_NAME)
                .orElse("Freshet per-job cluster: " + jobGraph.getName());
        Map<String, File> files = new LinkedHashMap<>();
        try {
            for (String jar : jobGraph.getUserJars()) {
                File file = FileUtils.localJarPath(jar).toFile();
                files.put(file.getName(), file);
            }
            // the jars are on the system classpath of the containers; the blob server need not ship them again
            jobGraph.setJars(List.of());
            File graphFile = File.createTempFile("freshet-job-", ".graph");
            graphFile.deleteOnExit();
            Files.write(graphFile.toPath(), JobGraphSerializer.serialize(jobGraph));
            files.put(YarnConfigKeys.JOB_GRAPH_FILE, graphFile);
        } catch (IOException e) {
            throw new ClusterDeploymentException("Could not prepare job " + jobGraph.getJobID() + " for YARN: "
                    + e.getMessage(), e);
        }
        return deploy(name, YarnJobClusterEntrypoint.class.getName(), files);
    }

    /**
     * Starts an application cluster: the ApplicationMaster runs the program's main method (from {@code jar}, on the
     * classpath of the JobManager and the TaskManagers) and ends the application when the program and its jobs end.
     *
     * @param entryClass the main class, or null for the one the jar's manifest names
     */
    public YarnClusterClient deployApplicationCluster(File jar, String entryClass, List<String> arguments)
            throws ClusterDeploymentException {
        String name = configuration.getOptional(YarnConfigOptions.APPLICATION_NAME)
                .orElse("Freshet application: " + jar.getName());
        Map<String, File> files = new LinkedHashMap<>();
        files.put(jar.getName(), jar);
        try {
            File program = File.createTempFile("freshet-application-", ".json");
            program.deleteOnExit();
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("jar", jar.getName());
            description.put("entryClass", entryClass);
            description.put("arguments", arguments);
            JSON.writeValue(program, description);
            files.put(YarnConfigKeys.APPLICATION_PROGRAM_FILE, program);
        } catch (IOException e) {
            throw new ClusterDeploymentException("Could not prepare the program " + jar + " for YARN: "
                    + e.getMessage(), e);
        }
        return deploy(name, YarnApplicationClusterEntrypoint.class.getName(), files);
    }

    /**
     * Uploads the files, submits the AM running {@code entrypointClass}, waits for it to run.
     *
     * @param extraFiles more files for the staging directory: name in the container to local file
     */
    YarnClusterClient deploy(String applicationName, String entrypointClass, Map<String, File> extraFiles)
            throws ClusterDeploymentException {
        Configuration clusterConfiguration = clusterConfiguration();
        Resource amResource = Resource.newInstance(
                clusterConfiguration.get(JobManagerOptions.TOTAL_PROCESS_MEMORY).getMebiBytes(),
                clusterConfiguration.get(YarnConfigOptions.APP_MASTER_VCORES));
        YarnClientApplication application;
        try {
            application = yarnClient.createApplication();
        } catch (YarnException | IOException e) {
            throw new ClusterDeploymentException("Could not reach YARN's ResourceManager at "
                    + yarnConfiguration.get(YarnConfiguration.RM_ADDRESS) + ": " + e.getMessage() + ". Check that"
                    + " YARN runs and that HADOOP_CONF_DIR (or YARN_CONF_DIR) points at its configuration.", e);
        }
        Resource maximum = application.getNewApplicationResponse().getMaximumResourceCapability();
        checkFits("The JobManager's container", amResource, maximum, JobManagerOptions.TOTAL_PROCESS_MEMORY.key(),
                YarnConfigOptions.APP_MASTER_VCORES.key());
        int slots = clusterConfiguration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        int vcores = clusterConfiguration.get(YarnConfigOptions.VCORES);
        checkFits("A TaskManager's container", Resource.newInstance(
                clusterConfiguration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY).getMebiBytes(),
                vcores > 0 ? vcores : slots), maximum, TaskManagerOptions.TOTAL_PROCESS_MEMORY.key(),
                YarnConfigOptions.VCORES.key());

        ApplicationSubmissionContext context = application.getApplicationSubmissionContext();
        ApplicationId applicationId = context.getApplicationId();
        Path stagingDirectory;
        FileSystem fs;
        try {
            fs = FileSystem.get(yarnConfiguration);
            Path base = clusterConfiguration.getOptional(YarnConfigOptions.STAGING_DIRECTORY).map(Path::new)
                    .orElse(fs.getHomeDirectory());
            stagingDirectory = fs.makeQualified(new Path(base, ".flink/" + applicationId));
        } catch (IOException e) {
            throw new ClusterDeploymentException("Could not open the default file system '"
                    + yarnConfiguration.get("fs.defaultFS") + "' for the staging directory: " + e.getMessage()
                    + ". Check 'fs.defaultFS' in core-site.xml or set 'yarn.staging-directory'.", e);
        }
        boolean submitted = false;
        try {
            long uploadStart = System.nanoTime();
            uploadFiles(fs, stagingDirectory, clusterConfiguration, extraFiles);
            Map<String, LocalResource> resources = YarnApplicationFiles.listLocalResources(yarnConfiguration,
                    stagingDirectory, clusterConfiguration.getOptional(YarnConfigOptions.PROVIDED_LIB_DIRS)
                            .orElse(List.of()));
            LOG.info("Uploaded the application's files to {} in {} ms.", stagingDirectory,
                    (System.nanoTime() - uploadStart) / 1_000_000);

            String classpath = YarnApplicationFiles.containerClasspath(yarnConfiguration,
                    clusterConfiguration.getOptional(YarnConfigOptions.EXTRA_CLASSPATH).orElse(List.of()));
            Map<String, String> environment = new HashMap<>();
            environment.put(ApplicationConstants.Environment.CLASSPATH.name(), classpath);
            environment.put(YarnConfigKeys.ENV_CLASSPATH, classpath);
            environment.put(YarnConfigKeys.ENV_STAGING_DIR, stagingDirectory.toString());
            environment.put(YarnConfigKeys.ENV_CLIENT_USER, UserGroupInformation.getCurrentUser().getShortUserName());
            environment.put(ApplicationConstants.Environment.JAVA_HOME.name(), javaHome(clusterConfiguration));
            String jvmArguments = ProcessMemorySpec.forJobManager(clusterConfiguration).jvmMemoryArguments() + " "
                    + clusterConfiguration.get(CoreOptions.FLINK_JVM_OPTIONS) + " "
                    + clusterConfiguration.get(CoreOptions.FLINK_JM_JVM_OPTIONS);
            List<String> commands = YarnApplicationFiles.javaCommand("jobmanager", jvmArguments,
                    resources.containsKey(YarnConfigKeys.LOG4J_FILE), entrypointClass, List.of());

            context.setApplicationName(applicationName);
            context.setApplicationType(clusterConfiguration.get(YarnConfigOptions.APPLICATION_TYPE));
            clusterConfiguration.getOptional(YarnConfigOptions.APPLICATION_QUEUE).ifPresent(context::setQueue);
            String tags = clusterConfiguration.get(YarnConfigOptions.APPLICATION_TAGS);
            if (!tags.isBlank()) {
                context.setApplicationTags(new java.util.HashSet<>(List.of(tags.split("\\s*,\\s*"))));
            }
            int priority = clusterConfiguration.get(YarnConfigOptions.APPLICATION_PRIORITY);
            if (priority >= 0) {
                context.setPriority(Priority.newInstance(priority));
            }
            context.setMaxAppAttempts(clusterConfiguration.get(YarnConfigOptions.APPLICATION_ATTEMPTS));
            context.setResource(amResource);
            context.setAMContainerSpec(ContainerLaunchContext.newInstance(resources, environment, commands, null,
                    null, null));
            LOG.info("Submitting application {} ('{}') to YARN: ApplicationMaster of {} MB and {} vcores{}.",
                    applicationId, applicationName, amResource.getMemorySize(), amResource.getVirtualCores(),
                    context.getQueue() == null ? "" : " in queue '" + context.getQueue() + "'");
            try {
                yarnClient.submitApplication(context);
            } catch (YarnException e) {
                throw new ClusterDeploymentException("YARN rejected the application " + applicationId + ": "
                        + e.getMessage() + queueHint(e.getMessage()), e);
            }
            submitted = true;
            ApplicationReport report = waitUntilRunning(applicationId);
            return new YarnClusterClient(this, applicationId, report);
        } catch (Exception e) {
            cleanUpFailedDeployment(applicationId, submitted, fs, stagingDirectory);
            if (e instanceof ClusterDeploymentException) {
                throw (ClusterDeploymentException) e;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ClusterDeploymentException("Could not deploy the YARN application " + applicationId + ": " + e,
                    e);
        }
    }

    /** The configuration the cluster runs with: this descriptor's, with YARN's defaults for the memory sizes. */
    private Configuration clusterConfiguration() {
        Configuration cluster = new Configuration(configuration);
        if (!cluster.contains(JobManagerOptions.TOTAL_PROCESS_MEMORY)) {
            cluster.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, DEFAULT_JOB_MANAGER_MEMORY);
        }
        if (!cluster.contains(TaskManagerOptions.TOTAL_PROCESS_MEMORY)) {
            cluster.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, DEFAULT_TASK_MANAGER_MEMORY);
        }
        // fail here, not in the AM: the sizes must add up
        ProcessMemorySpec.forJobManager(cluster);
        ProcessMemorySpec.forTaskManager(cluster);
        return cluster;
    }

    private static void checkFits(String what, Resource resource, Resource maximum, String memoryKey,
            String vcoresKey) throws ClusterDeploymentException {
        if (resource.getMemorySize() > maximum.getMemorySize()) {
            throw new ClusterDeploymentException(what + " would need " + resource.getMemorySize() + " MB, but this"
                    + " YARN cluster grants at most " + maximum.getMemorySize() + " MB per container"
                    + " ('yarn.scheduler.maximum-allocation-mb'). Lower '" + memoryKey + "'.");
        }
        if (resource.getVirtualCores() > maximum.getVirtualCores()) {
            throw new ClusterDeploymentException(what + " would need " + resource.getVirtualCores() + " vcores, but"
                    + " this YARN cluster grants at most " + maximum.getVirtualCores() + " per container"
                    + " ('yarn.scheduler.maximum-allocation-vcores'). Lower '" + vcoresKey + "'.");
        }
    }

    private static String javaHome(Configuration configuration) {
        return configuration.getOptional(YarnConfigOptions.CONTAINER_JAVA_HOME).orElse(System.getProperty("java.home"));
    }

    private void uploadFiles(FileSystem fs, Path stagingDirectory, Configuration clusterConfiguration,
            Map<String, File> extraFiles) throws IOException, ClusterDeploymentException {
        fs.mkdirs(stagingDirectory);
        if (clusterConfiguration.getOptional(YarnConfigOptions.PROVIDED_LIB_DIRS).orElse(List.of()).isEmpty()) {
            File[] jars = libDirectory == null ? null : libDirectory.listFiles((dir, name) -> name.endsWith(".jar"));
            if (jars == null || jars.length == 0) {
                throw new ClusterDeploymentException("No jars to ship: the lib directory " + libDirectory + " holds no"
                        + " jar. Build the distribution (mvn package) or set FLINK_LIB_DIR, or name jars already on"
                        + " HDFS with '" + YarnConfigOptions.PROVIDED_LIB_DIRS.key() + "'.");
            }
            for (File jar : jars) {
                upload(fs, jar, new Path(stagingDirectory, YarnConfigKeys.LIB_DIR + "/" + jar.getName()));
            }
        }
        for (String shipped : clusterConfiguration.getOptional(YarnConfigOptions.SHIP_FILES).orElse(List.of())) {
            File file = new File(shipped);
            if (!file.exists()) {
                throw new ClusterDeploymentException("The file to ship '" + shipped + "' ('"
                        + YarnConfigOptions.SHIP_FILES.key() + "') does not exist. Fix the path or remove it.");
            }
            upload(fs, file, new Path(stagingDirectory, file.getName()));
        }
        for (Map.Entry<String, File> extra : extraFiles.entrySet()) {
            upload(fs, extra.getValue(), new Path(stagingDirectory, extra.getKey()));
        }
        if (confDirectory != null) {
            File log4j = new File(confDirectory, YarnConfigKeys.LOG4J_FILE);
            if (log4j.isFile()) {
                upload(fs, log4j, new Path(stagingDirectory, YarnConfigKeys.LOG4J_FILE));
            }
        }
        try (Writer writer = new OutputStreamWriter(fs.create(new Path(stagingDirectory, YarnConfigKeys.CONF_FILE)),
                StandardCharsets.UTF_8)) {
            writer.write("# Written by the YarnClusterDescriptor: the configuration of the cluster's processes.\n");
            for (Map.Entry<String, String> entry : new TreeMap<>(clusterConfiguration.toMap()).entrySet()) {
                writer.write(JSON.writeValueAsString(entry.getKey()) + ": " + JSON.writeValueAsString(entry.getValue())
                        + "\n");
            }
        }
        try (OutputStream out = fs.create(new Path(stagingDirectory, YarnConfigKeys.HADOOP_CONF_FILE))) {
            yarnConfiguration.writeXml(out);
        }
    }

    private void upload(FileSystem fs, File local, Path target) throws IOException {
        fs.copyFromLocalFile(false, true, new Path(local.getAbsoluteFile().toURI()), target);
    }

    private ApplicationReport waitUntilRunning(ApplicationId applicationId)
            throws IOException, YarnException, InterruptedException, ClusterDeploymentException {
        long start = System.nanoTime();
        YarnApplicationState lastState = null;
        long nextNote = start + Duration.ofSeconds(60).toNanos();
        while (true) {
            ApplicationReport report = yarnClient.getApplicationReport(applicationId);
            YarnApplicationState state = report.getYarnApplicationState();
            if (state != lastState) {
                LOG.info("Application {} is {}.", applicationId, state);
                lastState = state;
            }
            switch (state) {
                case FAILED:
                case KILLED:
                case FINISHED:
                    String diagnostics = report.getDiagnostics().trim();
                    String hint = diagnostics.contains("queue") ? queueHint(diagnostics) : describeLogs(applicationId);
                    throw new ClusterDeploymentException("The YARN application " + applicationId + " ended " + state
                            + " before its JobManager ran: " + diagnostics + hint);
                case RUNNING:
                    if (report.getRpcPort() > 0 && report.getHost() != null && !report.getHost().equals("N/A")) {
                        LOG.info("Application {} runs; its JobManager's REST API is at {}:{} ({} ms after the"
                                + " submission).", applicationId, report.getHost(), report.getRpcPort(),
                                (System.nanoTime() - start) / 1_000_000);
                        return report;
                    }
                    break;
                default:
                    break;
            }
            if (System.nanoTime() > nextNote) {
                LOG.info("Application {} is still {} after {} s; YARN says: {}", applicationId, state,
                        Duration.ofNanos(System.nanoTime() - start).toSeconds(), report.getDiagnostics());
                nextNote = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static String queueHint(String message) {
        return message != null && message.contains("queue") ? ". Check the queue ('"
                + YarnConfigOptions.APPLICATION_QUEUE.key() + "', -qu): 'mapred queue -list' or YARN's web UI list"
                + " the queues." : ".";
    }

    private static String describeLogs(ApplicationId applicationId) {
        return " The ApplicationMaster's logs tell why: 'yarn logs -applicationId " + applicationId + "'.";
    }

    private void cleanUpFailedDeployment(ApplicationId applicationId, boolean submitted, FileSystem fs,
            Path stagingDirectory) {
        if (submitted) {
            try {
                ApplicationReport report = yarnClient.getApplicationReport(applicationId);
                if (!isFinal(report.getYarnApplicationState())) {
                    LOG.info("Killing the application {}, whose deployment failed.", applicationId);
                    yarnClient.killApplication(applicationId);
                }
            } catch (Exception e) {
                LOG.warn("Could not kill the application {}; kill it with 'yarn application -kill {}'.",
                        applicationId, applicationId, e);
            }
        }
        try {
            fs.delete(stagingDirectory, true);
        } catch (IOException e) {
            LOG.warn("Could not delete the staging directory {}; remove it by hand.", stagingDirectory, e);
        }
    }

    static boolean isFinal(YarnApplicationState state) {
        return state == YarnApplicationState.FINISHED || state == YarnApplicationState.FAILED
                || state == YarnApplicationState.KILLED;
    }

    // ---- running applications ----

    /** A client for the running application {@code applicationId}. */
    public YarnClusterClient retrieve(ApplicationId applicationId) throws ClusterDeploymentException {
        ApplicationReport report;
        try {
            report = yarnClient.getApplicationReport(applicationId);
        } catch (ApplicationNotFoundException e) {
            throw new ClusterDeploymentException("YARN knows no application " + applicationId + ". Check the id"
                    + " ('yarn application -list' lists the running ones).", e);
        } catch (YarnException | IOException e) {
            throw new ClusterDeploymentException("Could not ask YARN for the application " + applicationId + ": "
                    + e.getMessage(), e);
        }
        if (report.getYarnApplicationState() != YarnApplicationState.RUNNING || report.getRpcPort() <= 0) {
            throw new ClusterDeploymentException("The YARN application " + applicationId + " is "
                    + report.getYarnApplicationState() + ", not a running Freshet cluster"
                    + (isFinal(report.getYarnApplicationState()) ? " (final status " + report.getFinalApplicationStatus()
                            + ": " + report.getDiagnostics().trim() + ")" : "") + ".");
        }
        return new YarnClusterClient(this, applicationId, report);
    }

    /** Kills the application {@code applicationId} (its final status is then KILLED). */
    public void killCluster(ApplicationId applicationId) throws ClusterDeploymentException {
        try {
            yarnClient.killApplication(applicationId);
        } catch (YarnException | IOException e) {
            throw new ClusterDeploymentException("Could not kill the YARN application " + applicationId + ": "
                    + e.getMessage(), e);
        }
    }

    /** Stops the YARN client; clients of applications from this descriptor stop working. */
    @Override
    public void close() {
        yarnClient.stop();
    }
}
