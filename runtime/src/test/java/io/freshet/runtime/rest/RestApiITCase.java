package io.freshet.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.client.program.rest.RestClusterClient;
import io.freshet.client.testprograms.TestPrograms;
import io.freshet.configuration.BlobServerOptions;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.configuration.WebOptions;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import io.freshet.runtime.minicluster.MiniCluster;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.rpc.netty.NettyRpcService;
import io.freshet.runtime.shuffle.NettyShuffleServiceEnvironment;
import io.freshet.runtime.webmonitor.WebMonitorEndpoint;
import io.freshet.testutils.TestJars;

/**
 * The REST API of a JobManager (a MiniCluster's Dispatcher and ResourceManager behind a {@link WebMonitorEndpoint}
 * on a free port), called over HTTP as Flink's CLI and Web UI call it: every endpoint's status code and the JSON
 * fields Flink clients read, and the errors of malformed ids, bodies, paths and methods.
 */
class RestApiITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int TASK_MANAGERS = 2;
    private static final int SLOTS = 2;

    @TempDir
    static Path temp;

    private static MiniCluster cluster;
    private static BlobServer blobServer;
    private static WebMonitorEndpoint endpoint;
    private static HttpClient http;
    private static RestClusterClient client;

    @BeforeAll
    static void start() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, SLOTS);
        configuration.set(RestOptions.BIND_PORT, "0");
        configuration.set(RestOptions.ADDRESS, "localhost");
        configuration.set(WebOptions.TMP_DIR, temp.toString());
        configuration.set(BlobServerOptions.STORAGE_DIRECTORY, temp.toString());
        cluster = new MiniCluster(configuration, TASK_MANAGERS, RpcSystem.netty(), resourceId -> {
            try {
                return NettyShuffleServiceEnvironment.create(configuration, resourceId, "localhost", 256);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        cluster.start();
        blobServer = new BlobServer(configuration, "localhost");
        endpoint = new WebMonitorEndpoint(configuration, cluster.getDispatcherGateway(),
                cluster.getResourceManagerGateway(), blobServer);
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        Configuration clientConfiguration = new Configuration();
        clientConfiguration.set(RestOptions.ADDRESS, "localhost");
        clientConfiguration.set(RestOptions.PORT, endpoint.getRestPort());
        client = new RestClusterClient(clientConfiguration);
    }

    @AfterAll
    static void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
        if (blobServer != null) {
            blobServer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- cluster ----

    @Test
    void configNamesTheVersionRefreshIntervalAndFeatures() throws Exception {
        Answer config = get("/config");

        assertThat(config.status).isEqualTo(200);
        assertThat(config.json.path("refresh-interval").asLong()).isEqualTo(3000);
        assertThat(config.json.has("flink-version")).isTrue();
        assertThat(config.json.has("timezone-name")).isTrue();
        assertThat(config.json.path("features").path("web-submit").asBoolean()).isTrue();
        assertThat(config.json.path("features").path("web-cancel").asBoolean()).isTrue();
    }

    @Test
    void overviewCountsTaskManagersAndSlots() throws Exception {
        Answer overview = get("/overview");

        assertThat(overview.status).isEqualTo(200);
        assertThat(overview.json.path("taskmanagers").asInt()).isEqualTo(TASK_MANAGERS);
        assertThat(overview.json.path("slots-total").asInt()).isEqualTo(TASK_MANAGERS * SLOTS);
        assertThat(overview.json.path("slots-available").asInt()).isBetween(0, TASK_MANAGERS * SLOTS);
        for (String field : List.of("jobs-running", "jobs-finished", "jobs-cancelled", "jobs-failed", "flink-version")) {
            assertThat(overview.json.has(field)).as(field).isTrue();
        }
    }

    @Test
    void jobManagerConfigListsTheEffectiveOptions() throws Exception {
        Answer config = get("/jobmanager/config");

        assertThat(config.status).isEqualTo(200);
        assertThat(config.json.isArray()).isTrue();
        assertThat(config.json.findValuesAsText("key")).contains(TaskManagerOptions.NUM_TASK_SLOTS.key());
    }

    // ---- task managers ----

    @Test
    void taskManagersShowTheirOwnDataPortSlotsAndHardware() throws Exception {
        Answer answer = get("/taskmanagers");

        assertThat(answer.status).isEqualTo(200);
        JsonNode taskManagers = answer.json.path("taskmanagers");
        assertThat(taskManagers).hasSize(TASK_MANAGERS);
        List<Integer> dataPorts = new ArrayList<>();
        for (int i = 0; i < TASK_MANAGERS; i++) {
            dataPorts.add(cluster.getShuffleEnvironment(i).getDataPort());
        }
        for (JsonNode tm : taskManagers) {
            assertThat(tm.path("id").asText()).isNotEmpty();
            assertThat(tm.path("path").asText()).startsWith(NettyRpcService.SCHEME + "localhost:");
            assertThat(dataPorts).contains(tm.path("dataPort").asInt());
            assertThat(tm.path("slotsNumber").asInt()).isEqualTo(SLOTS);
            assertThat(tm.path("freeSlots").asInt()).isBetween(0, SLOTS);
            assertThat(tm.path("hardware").path("cpuCores").asInt()).isPositive();
            assertThat(tm.path("hardware").path("physicalMemory").asLong()).isPositive();
        }

        String id = taskManagers.get(0).path("id").asText();
        Answer one = get("/taskmanagers/" + id);
        assertThat(one.status).isEqualTo(200);
        assertThat(one.json.path("id").asText()).isEqualTo(id);
        assertThat(one.json.path("dataPort").asInt()).isEqualTo(taskManagers.get(0).path("dataPort").asInt());
        assertThat(one.json.has("metrics")).isTrue();
    }

    @Test
    void anUnknownTaskManagerIsNotFound() throws Exception {
        Answer answer = get("/taskmanagers/no-such-taskmanager");

        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.errors()).anyMatch(error -> error.contains("no-such-taskmanager")
                && error.contains("not registered"));
    }

    // ---- jobs ----

    @Test
    void aRunningJobIsListedDetailedAndCancelled() throws Exception {
        JobGraph job = blockingJob("rest-running");

        JobID jobId = client.submitJob(job);
        assertThat(jobId).isEqualTo(job.getJobID());
        awaitStarted(job, 4);

        Answer ids = get("/jobs");
        assertThat(ids.status).isEqualTo(200);
        assertThat(ids.json.path("jobs")).anySatisfy(entry -> {
            assertThat(entry.path("id").asText()).isEqualTo(jobId.toString());
            assertThat(entry.path("status").asText()).isEqualTo("RUNNING");
        });

        Answer overview = get("/jobs/overview");
        assertThat(overview.status).isEqualTo(200);
        JsonNode row = find(overview.json.path("jobs"), entry -> entry.path("jid").asText().equals(jobId.toString()));
        assertThat(row.path("name").asText()).isEqualTo("rest-running");
        assertThat(row.path("state").asText()).isEqualTo("RUNNING");
        assertThat(row.path("start-time").asLong()).isPositive();
        assertThat(row.path("end-time").asLong()).isEqualTo(-1);
        assertThat(row.path("tasks").path("total").asInt()).isEqualTo(4);
        assertThat(row.path("tasks").path("running").asInt()).isEqualTo(4);

        Answer details = get("/jobs/" + jobId);
        assertThat(details.status).isEqualTo(200);
        assertThat(details.json.path("jid").asText()).isEqualTo(jobId.toString());
        assertThat(details.json.path("state").asText()).isEqualTo("RUNNING");
        assertThat(details.json.path("timestamps").path("RUNNING").asLong()).isPositive();
        JsonNode vertices = details.json.path("vertices");
        assertThat(vertices).hasSize(2);
        JsonNode source = vertices.get(0);
        assertThat(source.path("id").asText()).isEqualTo(job.getVerticesSortedTopologicallyFromSources().get(0)
                .getID().toString());
        assertThat(source.path("name").asText()).isEqualTo("blocking source");
        assertThat(source.path("parallelism").asInt()).isEqualTo(2);
        assertThat(source.path("status").asText()).isEqualTo("RUNNING");
        assertThat(source.path("tasks").path("RUNNING").asInt()).isEqualTo(2);
        assertThat(details.json.path("plan").path("nodes")).hasSize(2);
        assertThat(details.json.path("plan").path("nodes").get(1).path("inputs").get(0).path("id").asText())
                .isEqualTo(source.path("id").asText());

        Answer placement = get("/jobs/" + jobId + "/vertices/" + source.path("id").asText() + "/taskmanagers");
        assertThat(placement.status).isEqualTo(200);
        assertThat(placement.json.path("id").asText()).isEqualTo(source.path("id").asText());
        List<String> registered = get("/taskmanagers").json.path("taskmanagers").findValuesAsText("id");
        int subtasks = 0;
        for (JsonNode tm : placement.json.path("taskmanagers")) {
            assertThat(registered).contains(tm.path("taskmanager-id").asText());
            assertThat(tm.path("endpoint").asText()).startsWith("localhost:");
            assertThat(tm.path("status").asText()).isEqualTo("RUNNING");
            subtasks += tm.path("status-counts").path("RUNNING").asInt();
        }
        assertThat(subtasks).isEqualTo(2);

        Answer cancelled = send("PATCH", "/jobs/" + jobId + "?mode=cancel", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(cancelled.status).isEqualTo(202);
        assertThat(cluster.requestJobResult(jobId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getJobStatus())
                .isEqualTo(JobStatus.CANCELED);

        Answer ended = get("/jobs/" + jobId);
        assertThat(ended.json.path("state").asText()).isEqualTo("CANCELED");
        assertThat(ended.json.path("end-time").asLong()).isGreaterThanOrEqualTo(ended.json.path("start-time").asLong());
        assertThat(ended.json.path("vertices").get(0).path("status").asText()).isEqualTo("CANCELED");
        Answer again = send("PATCH", "/jobs/" + jobId + "?mode=cancel", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(again.status).isEqualTo(409);
        assertThat(again.errors()).anyMatch(error -> error.contains("already ended CANCELED"));
    }

    @Test
    void aFailedJobShowsItsRootExceptionAndHistory() throws Exception {
        JobVertex failing = new JobVertex("failing task");
        failing.setInvokableClassName(FailingTask.class.getName());
        failing.setParallelism(1);
        JobGraph job = new JobGraph(null, "rest-failing", failing);
        job.getJobConfiguration().setString("restart-strategy.type", "none");

        JobID jobId = client.submitJob(job);
        assertThat(cluster.requestJobResult(jobId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getJobStatus())
                .isEqualTo(JobStatus.FAILED);

        Answer exceptions = get("/jobs/" + jobId + "/exceptions");
        assertThat(exceptions.status).isEqualTo(200);
        assertThat(exceptions.json.path("root-exception").asText()).contains("IllegalStateException")
                .contains("record 17 cannot be parsed");
        assertThat(exceptions.json.path("timestamp").asLong()).isPositive();
        JsonNode entry = exceptions.json.path("exceptionHistory").path("entries").get(0);
        assertThat(entry.path("exceptionName").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(entry.path("taskName").asText()).isEqualTo("failing task (1/1)");
        assertThat(entry.path("location").asText()).startsWith("localhost:");
        assertThat(exceptions.json.path("all-exceptions").get(0).path("task").asText()).isEqualTo("failing task (1/1)");
        assertThat(client.rootException(jobId)).contains("record 17 cannot be parsed");

        Answer overview = get("/overview");
        assertThat(overview.json.path("jobs-failed").asInt()).isPositive();
    }

    @Test
    void malformedAndUnknownJobIdsGet400And404() throws Exception {
        Answer malformed = get("/jobs/not-a-job-id");
        assertThat(malformed.status).isEqualTo(400);
        assertThat(malformed.errors()).anyMatch(error -> error.contains("jobid 'not-a-job-id' is not a job id"));

        String unknown = new JobID().toString();
        Answer missing = get("/jobs/" + unknown);
        assertThat(missing.status).isEqualTo(404);
        assertThat(missing.errors()).anyMatch(error -> error.contains("Job " + unknown + " not found"));
        assertThat(get("/jobs/" + unknown + "/exceptions").status).isEqualTo(404);
        assertThat(send("PATCH", "/jobs/" + unknown + "?mode=cancel", HttpRequest.BodyPublishers.noBody(), null)
                .status).isEqualTo(404);
        assertThat(get("/jobs/" + unknown + "/vertices/zz/taskmanagers").status).isEqualTo(400);
        assertThat(get("/jobs/not-a-job-id/exceptions?maxExceptions=1").status).isEqualTo(400);
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        Answer unknown = get("/no/such/endpoint");
        assertThat(unknown.status).isEqualTo(404);
        assertThat(unknown.errors()).anyMatch(error -> error.contains("/no/such/endpoint"));

        Answer wrongMethod = send("DELETE", "/jobs", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(wrongMethod.status).isEqualTo(405);
        assertThat(wrongMethod.errors()).anyMatch(error -> error.contains("GET") && error.contains("POST"));

        Answer badMode = send("PATCH", "/jobs/" + new JobID() + "?mode=stop", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(badMode.status).isEqualTo(400);
    }

    @Test
    void malformedSubmissionsAreRefusedAndTheClusterKeepsServing() throws Exception {
        Answer notMultipart = send("POST", "/jobs", HttpRequest.BodyPublishers.ofString("{\"jobGraphFileName\":1}"),
                "application/json");
        assertThat(notMultipart.status).isEqualTo(400);
        assertThat(notMultipart.errors()).anyMatch(error -> error.contains("multipart/form-data"));

        Multipart noRequest = new Multipart().file("job.graph", "job.graph", "not a graph".getBytes(StandardCharsets.UTF_8));
        Answer missingRequest = send("POST", "/jobs", noRequest.body(), noRequest.contentType());
        assertThat(missingRequest.status).isEqualTo(400);
        assertThat(missingRequest.errors()).anyMatch(error -> error.contains("'request'"));

        Multipart garbage = new Multipart()
                .field("request", "{\"jobGraphFileName\":\"job.graph\",\"jobJarFileNames\":[]}")
                .file("job.graph", "job.graph", "not a graph".getBytes(StandardCharsets.UTF_8));
        Answer badGraph = send("POST", "/jobs", garbage.body(), garbage.contentType());
        assertThat(badGraph.status).isEqualTo(400);
        assertThat(badGraph.errors()).anyMatch(error -> error.contains("'job.graph' is not a job graph"));

        Multipart badJson = new Multipart().field("request", "{not json");
        assertThat(send("POST", "/jobs", badJson.body(), badJson.contentType()).status).isEqualTo(400);

        JobGraph duplicate = blockingJob("rest-duplicate");
        client.submitJob(duplicate);
        assertThatThrownBy(() -> client.submitJob(duplicate)).hasMessageContaining("409");
        client.cancel(duplicate.getJobID());
        assertThat(cluster.requestJobResult(duplicate.getJobID()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .getJobStatus()).isEqualTo(JobStatus.CANCELED);
        assertThat(get("/overview").status).isEqualTo(200);
    }

    @Test
    void submittedJarsGoToTheBlobServerForTheJobsLifetime() throws Exception {
        Path jarDirectory = Files.createDirectories(temp.resolve("client-jars-" + UUID.randomUUID()));
        Path jar = TestJars.manifestOnlyJar(jarDirectory, TestPrograms.NumbersProgram.class);
        JobGraph job = blockingJob("rest-with-jar");
        job.addJar(jar.toString());

        client.submitJob(job);
        // the TaskExecutors built the job's class loader from the jar they downloaded
        awaitStarted(job, 4);
        assertThat(blobServer.hasBlobs(job.getJobID())).isTrue();

        client.cancel(job.getJobID());
        cluster.requestJobResult(job.getJobID()).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        awaitCondition(() -> !blobServer.hasBlobs(job.getJobID()), "the job's jars are removed after it ended");
    }

    // ---- jars ----

    @Test
    void anUploadedJarIsListedRunAndDeleted() throws Exception {
        Path jar = TestJars.manifestOnlyJar(Files.createDirectories(temp.resolve("upload-" + UUID.randomUUID())),
                TestPrograms.NumbersProgram.class);
        Multipart upload = new Multipart().file("jarfile", "numbers.jar", Files.readAllBytes(jar));
        Answer uploaded = send("POST", "/jars/upload", upload.body(), upload.contentType());
        assertThat(uploaded.status).isEqualTo(200);
        assertThat(uploaded.json.path("status").asText()).isEqualTo("success");
        String jarId = Path.of(uploaded.json.path("filename").asText()).getFileName().toString();
        assertThat(jarId).endsWith("_numbers.jar");

        Answer listed = get("/jars");
        assertThat(listed.status).isEqualTo(200);
        assertThat(listed.json.path("address").asText()).isEqualTo("http://localhost:" + endpoint.getRestPort());
        JsonNode file = find(listed.json.path("files"), entry -> entry.path("id").asText().equals(jarId));
        assertThat(file.path("name").asText()).isEqualTo("numbers.jar");
        assertThat(file.path("uploaded").asLong()).isPositive();
        assertThat(file.path("entry").get(0).path("name").asText()).isEqualTo(TestPrograms.NumbersProgram.class.getName());

        Answer run = send("POST", "/jars/" + jarId + "/run", HttpRequest.BodyPublishers.ofString(
                "{\"programArgsList\":[\"500\"],\"parallelism\":2}"), "application/json");
        assertThat(run.status).as(run.json.toString()).isEqualTo(200);
        JobID jobId = JobID.fromHexString(run.json.path("jobid").asText());
        assertThat(cluster.requestJobResult(jobId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getJobStatus())
                .isEqualTo(JobStatus.FINISHED);
        assertThat(get("/jobs/" + jobId).json.path("vertices").get(0).path("parallelism").asInt()).isEqualTo(2);

        Answer deleted = send("DELETE", "/jars/" + jarId, HttpRequest.BodyPublishers.noBody(), null);
        assertThat(deleted.status).isEqualTo(200);
        assertThat(get("/jars").json.path("files").findValuesAsText("id")).doesNotContain(jarId);
        assertThat(send("DELETE", "/jars/" + jarId, HttpRequest.BodyPublishers.noBody(), null).status).isEqualTo(404);
    }

    @Test
    void badJarsAndFailingProgramsGetClearErrors() throws Exception {
        Multipart notAJar = new Multipart().file("jarfile", "job.jar", "plain text".getBytes(StandardCharsets.UTF_8));
        Answer refused = send("POST", "/jars/upload", notAJar.body(), notAJar.contentType());
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.errors()).anyMatch(error -> error.contains("'job.jar' is not a jar file"));

        Multipart wrongField = new Multipart().file("file", "job.jar", "x".getBytes(StandardCharsets.UTF_8));
        Answer noJarfile = send("POST", "/jars/upload", wrongField.body(), wrongField.contentType());
        assertThat(noJarfile.status).isEqualTo(400);
        assertThat(noJarfile.errors()).anyMatch(error -> error.contains("'jarfile'"));

        assertThat(send("POST", "/jars/" + UUID.randomUUID() + "_missing.jar/run",
                HttpRequest.BodyPublishers.noBody(), null).status).isEqualTo(404);
        assertThat(send("POST", "/jars/..%2Fetc%2Fpasswd/run", HttpRequest.BodyPublishers.noBody(), null).status)
                .isEqualTo(400);

        String throwingJar = uploadJar(TestPrograms.ThrowingProgram.class);
        Answer thrown = send("POST", "/jars/" + throwingJar + "/run", HttpRequest.BodyPublishers.noBody(), null);
        assertThat(thrown.status).isEqualTo(400);
        assertThat(thrown.errors()).anyMatch(error -> error.contains("no input path given"));

        String numbersJar = uploadJar(TestPrograms.NumbersProgram.class);
        Answer missingClass = send("POST", "/jars/" + numbersJar + "/run?entry-class=com.example.Missing",
                HttpRequest.BodyPublishers.noBody(), null);
        assertThat(missingClass.status).isEqualTo(400);
        assertThat(missingClass.errors()).anyMatch(error -> error.contains("com.example.Missing"));

        Answer badParallelism = send("POST", "/jars/" + numbersJar + "/run", HttpRequest.BodyPublishers.ofString(
                "{\"parallelism\":\"many\"}"), "application/json");
        assertThat(badParallelism.status).isEqualTo(400);
        Answer badBody = send("POST", "/jars/" + numbersJar + "/run", HttpRequest.BodyPublishers.ofString("{oops"),
                "application/json");
        assertThat(badBody.status).isEqualTo(400);
        assertThat(badBody.errors()).anyMatch(error -> error.contains("not valid JSON"));
        assertThat(get("/overview").status).as("the cluster keeps serving").isEqualTo(200);
    }

    // ---- helpers ----

    private static String uploadJar(Class<?> mainClass) throws Exception {
        Path jar = TestJars.manifestOnlyJar(Files.createDirectories(temp.resolve("upload-" + UUID.randomUUID())),
                mainClass);
        Multipart upload = new Multipart().file("jarfile", jar.getFileName().toString(), Files.readAllBytes(jar));
        Answer uploaded = send("POST", "/jars/upload", upload.body(), upload.contentType());
        assertThat(uploaded.status).isEqualTo(200);
        return Path.of(uploaded.json.path("filename").asText()).getFileName().toString();
    }

    /** Emits numbers until cancelled, its position in operator state, a few per millisecond. */
    static final class EndlessSource extends io.freshet.streaming.api.functions.source.RichParallelSourceFunction<Long>
            implements io.freshet.streaming.api.checkpoint.CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient io.freshet.api.common.state.ListState<Long> state;
        private long next;
        private volatile boolean running = true;

        @Override
        public void initializeState(io.freshet.runtime.state.FunctionInitializationContext context) throws Exception {
            state = context.getOperatorStateStore().getListState(
                    new io.freshet.api.common.state.ListStateDescriptor<>("next", Long.class));
        }

        @Override
        public void snapshotState(io.freshet.runtime.state.FunctionSnapshotContext context) throws Exception {
            state.update(List.of(next));
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            while (running) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(next++);
                }
                Thread.sleep(1);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    @Test
    void checkpointStatisticsAndSettingsOfARunningJob() throws Exception {
        io.freshet.streaming.api.environment.StreamExecutionEnvironment env =
                io.freshet.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(2);
        env.addSource(new EndlessSource()).keyBy(value -> value % 3).map(value -> value)
                .addSink(new io.freshet.streaming.api.functions.sink.DiscardingSink<>());
        JobGraph job = io.freshet.streaming.api.graph.StreamingJobGraphGenerator.createJobGraph(
                env.getStreamGraph("rest-checkpoints"));
        JobID jobId = client.submitJob(job);
        awaitCondition(() -> get("/jobs/" + jobId + "/checkpoints").json.path("counts").path("completed").asInt() >= 2,
                "two checkpoints of " + jobId + " completed");

        Answer checkpoints = get("/jobs/" + jobId + "/checkpoints");
        assertThat(checkpoints.status).isEqualTo(200);
        JsonNode latest = checkpoints.json.path("latest").path("completed");
        assertThat(latest.path("id").asLong()).isPositive();
        assertThat(latest.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(latest.path("state_size").asLong()).as("the source's position and the keyed map").isPositive();
        assertThat(latest.path("num_acknowledged_subtasks").asInt()).isEqualTo(latest.path("num_subtasks").asInt())
                .as("the source, and the map chained with the sink").isEqualTo(2);
        assertThat(latest.path("end_to_end_duration").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(checkpoints.json.path("history")).isNotEmpty();
        assertThat(checkpoints.json.path("latest").path("restored").isNull()).isTrue();

        Answer config = get("/jobs/" + jobId + "/checkpoints/config");
        assertThat(config.status).isEqualTo(200);
        assertThat(config.json.path("mode").asText()).isEqualTo("exactly_once");
        assertThat(config.json.path("interval").asLong()).isEqualTo(50);
        assertThat(config.json.path("tolerable_failed_checkpoints").asInt()).isEqualTo(2);
        assertThat(config.json.path("checkpoint_storage").asText()).isEqualTo("JobManagerCheckpointStorage");

        client.cancel(jobId);
        assertThat(cluster.requestJobResult(jobId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getJobStatus())
                .isEqualTo(JobStatus.CANCELED);
        assertThat(get("/jobs/" + jobId + "/checkpoints").json.path("counts").path("completed").asInt())
                .as("kept with the finished job").isGreaterThanOrEqualTo(2);
    }

    /** Submits an endless keyed job of two tasks and waits until both run. */
    private JobID submitEndlessJob(String name) throws Exception {
        io.freshet.streaming.api.environment.StreamExecutionEnvironment env =
                io.freshet.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(1);
        env.addSource(new EndlessSource()).uid("endless").keyBy(value -> value % 3).map(value -> value).uid("map")
                .addSink(new io.freshet.streaming.api.functions.sink.DiscardingSink<>());
        JobGraph job = io.freshet.streaming.api.graph.StreamingJobGraphGenerator.createJobGraph(
                env.getStreamGraph(name));
        JobID jobId = client.submitJob(job);
        awaitCondition(() -> get("/jobs/overview").json.path("jobs").findValuesAsText("jid").contains(jobId.toString())
                && find(get("/jobs/overview").json.path("jobs"), row -> row.path("jid").asText()
                        .equals(jobId.toString())).path("tasks").path("running").asInt() == 2,
                "both tasks of " + jobId + " run");
        return jobId;
    }

    @Test
    void theCliTakesSavepointsAndStopsJobs() throws Exception {
        JobID jobId = submitEndlessJob("cli-savepoints");
        java.nio.file.Path savepoints = temp.resolve("savepoints-" + jobId);
        String address = "localhost:" + endpoint.getRestPort();

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        io.freshet.client.cli.CliFrontend cli = new io.freshet.client.cli.CliFrontend(
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), null);
        assertThat(cli.run("savepoint", "-m", address, jobId.toString(), savepoints.toUri().toString()))
                .as(err.toString()).isZero();
        String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(printed).contains("Triggering savepoint for job " + jobId + ".", "Savepoint completed. Path: ",
                "You can resume your program from this savepoint with the run command.");
        String path = printed.substring(printed.indexOf("Path: ") + 6).lines().findFirst().orElseThrow().trim();
        assertThat(java.nio.file.Paths.get(java.net.URI.create(path)).resolve("_metadata")).exists();
        assertThat(client.getJobStatus(jobId)).as("a savepoint leaves the job running").isEqualTo(JobStatus.RUNNING);

        out.reset();
        assertThat(cli.run("stop", "-m", address, "--savepointPath", savepoints.toUri().toString(), jobId.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Suspending job \"" + jobId + "\" with a CANONICAL savepoint.", "Savepoint completed. Path: ");
        assertThat(cluster.requestJobResult(jobId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getJobStatus())
                .as("a job stopped with a savepoint ends FINISHED").isEqualTo(JobStatus.FINISHED);
        try (var written = java.nio.file.Files.list(savepoints)) {
            assertThat(written.filter(dir -> dir.getFileName().toString().startsWith("savepoint-"))).hasSize(2);
        }

        err.reset();
        assertThat(cli.run("savepoint", "-m", address, jobId.toString(), savepoints.toUri().toString())).isOne();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("already ended");

        out.reset();
        assertThat(cli.run("savepoint", "--dispose", path)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Savepoint '" + path + "' disposed.");
        assertThat(java.nio.file.Paths.get(java.net.URI.create(path))).doesNotExist();

        JobID drained = submitEndlessJob("cli-drain");
        out.reset();
        assertThat(cli.run("stop", "--drain", "-m", address, "-p", savepoints.toUri().toString(), drained.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Draining job \"" + drained + "\" with a CANONICAL savepoint.", "Savepoint completed. Path: ");
        assertThat(cluster.requestJobResult(drained).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getJobStatus())
                .isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void aJobWithoutCheckpointsSaysSo() throws Exception {
        JobGraph job = blockingJob("rest-no-checkpoints");
        JobID jobId = client.submitJob(job);
        awaitStarted(job, 4);
        Answer answer = get("/jobs/" + jobId + "/checkpoints/config");
        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.errors()).anyMatch(error -> error.contains("Checkpointing is not enabled"));
        assertThat(get("/jobs/" + jobId + "/checkpoints").status).isEqualTo(404);
        client.cancel(jobId);
        cluster.requestJobResult(jobId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Two blocking sources feeding two blocking sinks: four subtasks that run until cancelled. */
    private static JobGraph blockingJob(String name) {
        JobVertex source = new JobVertex("blocking source");
        source.setInvokableClassName(BlockingTask.class.getName());
        source.setParallelism(2);
        JobVertex sink = new JobVertex("blocking sink");
        sink.setInvokableClassName(BlockingTask.class.getName());
        sink.setParallelism(2);
        sink.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED_BOUNDED);
        SlotSharingGroup group = new SlotSharingGroup();
        source.setSlotSharingGroup(group);
        sink.setSlotSharingGroup(group);
        JobGraph job = new JobGraph(null, name, source, sink);
        STARTED.put(job.getJobID().toString(), new CountDownLatch(4));
        source.getConfiguration().setString(JOB_KEY, job.getJobID().toString());
        sink.getConfiguration().setString(JOB_KEY, job.getJobID().toString());
        return job;
    }

    /** Waits until the job's tasks run and the JobMaster has seen them RUNNING. */
    private static void awaitStarted(JobGraph job, int tasks) throws Exception {
        assertThat(STARTED.get(job.getJobID().toString()).await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        awaitCondition(() -> {
            JsonNode row = find(get("/jobs/overview").json.path("jobs"),
                    entry -> entry.path("jid").asText().equals(job.getJobID().toString()));
            return row.path("tasks").path("running").asInt() == tasks;
        }, "all " + tasks + " tasks of " + job.getName() + " are RUNNING at the JobMaster");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitCondition(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> predicate) {
        for (JsonNode entry : array) {
            if (predicate.test(entry)) {
                return entry;
            }
        }
        throw new AssertionError("no entry matches in " + array);
    }

    private static Answer get(String path) throws Exception {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    private static Answer send(String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + endpoint.getRestPort() + path))
                .timeout(TIMEOUT).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static final class Answer {
        final int status;
        final JsonNode json;

        Answer(int status, JsonNode json) {
            this.status = status;
            this.json = json;
        }

        List<String> errors() {
            assertThat(json.has("errors")).as("an error answer has 'errors': %s", json).isTrue();
            List<String> errors = new ArrayList<>();
            json.path("errors").forEach(error -> errors.add(error.asText()));
            return errors;
        }
    }

    /** A multipart/form-data body built by hand, as any HTTP client would send it. */
    private static final class Multipart {
        private final String boundary = "test-" + UUID.randomUUID();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            bytes.writeBytes(content);
            write("\r\n");
            return this;
        }

        HttpRequest.BodyPublisher body() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(bytes.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return HttpRequest.BodyPublishers.ofByteArray(all.toByteArray());
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        private void write(String text) {
            bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- invokables ----

    static final String JOB_KEY = "test.job-id";
    static final Map<String, CountDownLatch> STARTED = new ConcurrentHashMap<>();

    /** Runs until cancelled; counts down its job's latch when it starts. */
    public static final class BlockingTask extends AbstractInvokable {
        public BlockingTask(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            CountDownLatch started = STARTED.get(getTaskConfiguration().getString(JOB_KEY, "?"));
            if (started != null) {
                started.countDown();
            }
            new CountDownLatch(1).await();
        }
    }

    /** Fails at once. */
    public static final class FailingTask extends AbstractInvokable {
        public FailingTask(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() {
            throw new IllegalStateException("record 17 cannot be parsed");
        }
    }
}
