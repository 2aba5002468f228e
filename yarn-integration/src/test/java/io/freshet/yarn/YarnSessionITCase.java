package io.freshet.yarn;

import static io.freshet.yarn.YarnTestUtils.runningContainers;
import static io.freshet.yarn.YarnTestUtils.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.api.common.functions.MapFunction;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.client.deployment.executors.PipelineTranslation;
import io.freshet.client.program.rest.RestClusterClient;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.ResourceManagerOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.core.fs.FileSystem;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.yarn.configuration.YarnConfigOptions;

/**
 * A YARN session on MiniYARNCluster + MiniDFSCluster: the JobManager in the ApplicationMaster, TaskManagers in
 * containers that come for a job's slots and go when idle, and a shutdown that ends the application SUCCEEDED
 * without leaving its staging directory behind.
 */
class YarnSessionITCase {

    private static final int PARALLELISM = 3;
    private static final int KEYS = 10;
    private static final long RECORDS = 30_000;

    private static MiniYarnAndDfs clusters;

    @BeforeAll
    static void startClusters() throws Exception {
        clusters = MiniYarnAndDfs.start("YarnSessionITCase");
    }

    @AfterAll
    static void stopClusters() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void sessionStartsContainersForAJobReleasesThemWhenIdleAndEndsSucceeded() throws Exception {
        Configuration configuration = YarnTestUtils.smallCluster();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        configuration.set(ResourceManagerOptions.TASK_MANAGER_TIMEOUT, Duration.ofSeconds(2));
        Path target = Paths.get("target/YarnSessionITCase").toAbsolutePath();
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration,
                clusters.yarnConfiguration(), YarnTestUtils.libDirectory(target), YarnTestUtils.confDirectory())) {
            long deployStart = System.nanoTime();
            YarnClusterClient cluster = descriptor.deploySessionCluster();
            long deployMillis = (System.nanoTime() - deployStart) / 1_000_000;
            org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(clusters.fileSystem().getHomeDirectory(),
                    ".flink/" + cluster.getApplicationId());

            // the files were shipped: lib/ jars, configuration, logging, Hadoop configuration
            assertThat(clusters.fileSystem().exists(new org.apache.hadoop.fs.Path(staging, "lib"))).isTrue();
            FileStatus[] libJars = clusters.fileSystem().listStatus(new org.apache.hadoop.fs.Path(staging, "lib"));
            assertThat(libJars).extracting(s -> s.getPath().getName())
                    .anyMatch(name -> name.startsWith("freshet-runtime"));
            assertThat(clusters.fileSystem().exists(new org.apache.hadoop.fs.Path(staging, YarnConfigKeys.CONF_FILE)))
                    .isTrue();
            // no TaskManager before there is demand: only the AM's container runs
            assertThat(runningContainers(descriptor.getYarnClient(), cluster.getApplicationId())).hasSize(1);

            // the NodeManagers share this host: the TaskManagers write where the test reads
            Path output = target.resolve("output");
            RestClusterClient rest = cluster.getRestClusterClient();
            long submitStart = System.nanoTime();
            JobID jobId = rest.submitJob(countingJob(output));
            waitUntil("job " + jobId + " runs", Duration.ofMinutes(2),
                    () -> rest.getJobStatus(jobId) == JobStatus.RUNNING || rest.getJobStatus(jobId).isTerminalState());
            long runningMillis = (System.nanoTime() - submitStart) / 1_000_000;
            waitUntil("job " + jobId + " ends", Duration.ofMinutes(2), () -> rest.getJobStatus(jobId).isTerminalState());
            long finishedMillis = (System.nanoTime() - submitStart) / 1_000_000;
            assertThat(rest.getJobStatus(jobId)).as(() -> describe(rest, jobId)).isEqualTo(JobStatus.FINISHED);
            System.out.printf("YARN session timings: deploy -> session ready %d ms, submit -> RUNNING %d ms,"
                    + " submit -> FINISHED %d ms%n", deployMillis, runningMillis, finishedMillis);

            // one TaskManager per slot, each in its own container, named by its container id
            JsonNode taskManagers = getJson(cluster, "/taskmanagers").path("taskmanagers");
            assertThat(taskManagers).hasSizeGreaterThanOrEqualTo(PARALLELISM);
            for (JsonNode taskManager : taskManagers) {
                assertThat(taskManager.path("id").asText()).startsWith("container_");
            }
            assertThat(finalCounts(output)).hasSize(KEYS).allSatisfy((key, count) -> assertThat(count)
                    .isEqualTo(RECORDS / KEYS));

            // idle for resourcemanager.taskmanager-timeout: the containers go back to YARN
            waitUntil("the idle TaskManager containers are released", Duration.ofMinutes(1),
                    () -> runningContainers(descriptor.getYarnClient(), cluster.getApplicationId()).size() == 1);
            waitUntil("no TaskManager is registered", Duration.ofSeconds(30),
                    () -> getJson(cluster, "/taskmanagers").path("taskmanagers").isEmpty());

            ApplicationReport report = cluster.shutDownCluster(Duration.ofMinutes(1));
            assertThat(report.getYarnApplicationState()).isEqualTo(YarnApplicationState.FINISHED);
            assertThat(report.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
            assertThat(clusters.fileSystem().exists(staging)).as("the staging directory %s", staging).isFalse();
            cluster.close();
        }
    }

    @Test
    void providedLibDirsAreLocalizedWithoutUploadAndShipFilesReachTheContainers() throws Exception {
        Path target = Paths.get("target/YarnSessionITCase-provided").toAbsolutePath();
        org.apache.hadoop.fs.Path providedLib = new org.apache.hadoop.fs.Path(clusters.hdfsUri() + "/freshet/lib");
        clusters.fileSystem().mkdirs(providedLib);
        for (java.io.File jar : YarnTestUtils.libDirectory(target).listFiles()) {
            clusters.fileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(jar.toURI()), providedLib);
        }
        Path shipped = Files.writeString(Files.createDirectories(target).resolve("shipped.txt"), "shipped");
        Configuration configuration = YarnTestUtils.smallCluster();
        configuration.set(YarnConfigOptions.PROVIDED_LIB_DIRS, java.util.List.of(providedLib.toString()));
        configuration.set(YarnConfigOptions.SHIP_FILES, java.util.List.of(shipped.toString()));
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration,
                clusters.yarnConfiguration(), null, YarnTestUtils.confDirectory());
                YarnClusterClient cluster = descriptor.deploySessionCluster()) {
            org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(
                    clusters.fileSystem().getHomeDirectory(), ".flink/" + cluster.getApplicationId());
            // nothing of lib/ was uploaded, the shipped file was
            assertThat(clusters.fileSystem().exists(new org.apache.hadoop.fs.Path(staging, "lib"))).isFalse();
            assertThat(clusters.fileSystem().exists(new org.apache.hadoop.fs.Path(staging, "shipped.txt"))).isTrue();

            // the ApplicationMaster's working directory has both, localized by the NodeManager
            var attempt = descriptor.getYarnClient().getApplicationAttemptReport(
                    cluster.getApplicationReport().getCurrentApplicationAttemptId());
            Path workingDirectory = Files.readSymbolicLink(Paths.get("/proc",
                    String.valueOf(YarnTestUtils.processOfContainer(attempt.getAMContainerId().toString())), "cwd"));
            assertThat(workingDirectory.resolve("shipped.txt")).hasContent("shipped");
            try (var jars = Files.list(workingDirectory.resolve("lib"))) {
                assertThat(jars.map(jar -> jar.getFileName().toString()))
                        .anyMatch(name -> name.startsWith("freshet-runtime"));
            }
            assertThat(cluster.shutDownCluster(Duration.ofMinutes(1)).getFinalApplicationStatus())
                    .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        }
    }

    @Test
    void aKilledTaskManagerContainerIsReplacedAndTheJobRestartsToCorrectResults() throws Exception {
        Configuration configuration = YarnTestUtils.smallCluster();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        // the JobMaster notices the lost TaskManager by its heartbeat (or its tasks' broken connections)
        configuration.setString("heartbeat.interval", "1 s");
        configuration.setString("heartbeat.timeout", "8 s");
        // A surviving source blocked on output to a consumer on the killed TaskManager may not react to its
        // cancellation (a runtime issue, seen here about one run in two); its TaskManager then ends itself after
        // this timeout, and YARN replaces that container as well.
        configuration.setString("task.cancellation.timeout", "10 s");
        Path target = Paths.get("target/YarnSessionITCase-fault").toAbsolutePath();
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(configuration,
                clusters.yarnConfiguration(), YarnTestUtils.libDirectory(target), YarnTestUtils.confDirectory());
                YarnClusterClient cluster = descriptor.deploySessionCluster()) {
            RestClusterClient rest = cluster.getRestClusterClient();
            Configuration job = new Configuration();
            job.setString("restart-strategy.type", "fixed-delay");
            job.setString("restart-strategy.fixed-delay.attempts", "20");
            job.setString("restart-strategy.fixed-delay.delay", "500 ms");
            Path output = target.resolve("output");
            // about 10 s per subtask at one record per millisecond: long enough to kill a TaskManager midway
            JobID jobId = rest.submitJob(countingJob(output, 1, job));
            // (a slot request that fails while a TaskManager starts can bring one container more: it stays idle)
            waitUntil("three TaskManagers run the job", Duration.ofMinutes(2),
                    () -> rest.getJobStatus(jobId) == JobStatus.RUNNING && busyTaskManagers(cluster).size() == PARALLELISM);
            String victim = busyTaskManagers(cluster).get(0);
            long pid = YarnTestUtils.processOfContainer(victim);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            System.out.println("Killed the TaskManager of " + victim + " (pid " + pid + ") with SIGKILL.");

            waitUntil("job " + jobId + " ends", Duration.ofMinutes(4), () -> rest.getJobStatus(jobId).isTerminalState());
            assertThat(rest.getJobStatus(jobId)).as(() -> describe(rest, jobId)).isEqualTo(JobStatus.FINISHED);
            assertThat(finalCounts(output)).hasSize(KEYS).allSatisfy((key, count) -> assertThat(count)
                    .isEqualTo(RECORDS / KEYS));
            // a new container took the killed one's place
            JsonNode taskManagers = getJson(cluster, "/taskmanagers").path("taskmanagers");
            assertThat(taskManagers).extracting(tm -> tm.path("id").asText()).doesNotContain(victim)
                    .hasSizeGreaterThanOrEqualTo(PARALLELISM);
            assertThat(cluster.shutDownCluster(Duration.ofMinutes(1)).getFinalApplicationStatus())
                    .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        }
    }

    /** (key, 1) for 1..RECORDS with key = n % KEYS, summed per key, written to {@code output}. */
    private static JobGraph countingJob(Path output) {
        return countingJob(output, 0, new Configuration());
    }

    /** The counting job, each record delayed by {@code delayMillis} in its map. */
    private static JobGraph countingJob(Path output, long delayMillis, Configuration jobConfiguration) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.fromSequence(1, RECORDS)
                .map(new ToKeyAndOne(delayMillis))
                .keyBy(t -> t.f0)
                .sum(1)
                .writeAsText(output.toUri().toString(), FileSystem.WriteMode.OVERWRITE);
        return PipelineTranslation.toJobGraph(env.getStreamGraph("counting on YARN"), jobConfiguration,
                YarnSessionITCase.class.getClassLoader());
    }

    static final class ToKeyAndOne implements MapFunction<Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        private final long delayMillis;

        ToKeyAndOne(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        @Override
        public Tuple2<Long, Long> map(Long value) throws Exception {
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            return Tuple2.of(value % KEYS, 1L);
        }
    }

    /** The highest count seen per key in the lines "(key,count)" of the output directory. */
    private static Map<Long, Long> finalCounts(Path output) throws Exception {
        Map<Long, Long> counts = new HashMap<>();
        try (var files = Files.list(output)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.substring(1, line.length() - 1).split(",");
                    counts.merge(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Math::max);
                }
            }
        }
        return counts;
    }

    private static String describe(RestClusterClient rest, JobID jobId) {
        try {
            return "root exception: " + rest.rootException(jobId);
        } catch (Exception e) {
            return "no root exception: " + e;
        }
    }

    /** The ids of the TaskManagers whose slots are all taken. */
    private static java.util.List<String> busyTaskManagers(YarnClusterClient cluster) throws Exception {
        java.util.List<String> busy = new java.util.ArrayList<>();
        for (JsonNode taskManager : getJson(cluster, "/taskmanagers").path("taskmanagers")) {
            if (taskManager.path("freeSlots").asInt() == 0) {
                busy.add(taskManager.path("id").asText());
            }
        }
        return busy;
    }

    private static JsonNode getJson(YarnClusterClient cluster, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + cluster.getWebInterfaceAddress() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
