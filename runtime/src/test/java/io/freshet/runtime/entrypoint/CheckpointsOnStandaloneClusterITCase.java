package io.freshet.runtime.entrypoint;

import static io.freshet.runtime.entrypoint.CheckpointedCountingProgram.FULL_SPEED;
import static io.freshet.runtime.entrypoint.CheckpointedCountingProgram.PIDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.freshet.testutils.DistributionScripts;
import io.freshet.testutils.TestJars;

/**
 * Checkpoints and savepoints of a keyed job writing through the exactly-once FileSink
 * ({@link CheckpointedCountingProgram}) on a standalone cluster of separate JVMs started by the distribution's
 * scripts: a JobManager and three TaskManagers of one slot each, heartbeats every {@value #HEARTBEAT_INTERVAL} with a
 * timeout of {@value #HEARTBEAT_TIMEOUT}. Jobs are run, savepointed and cancelled with {@code bin/flink}; TaskManagers
 * are killed with SIGKILL and replaced with {@code bin/taskmanager.sh start}. The committed output must hold every
 * number exactly once with per-key counts that go on where they stood.
 */
@DisabledOnOs(OS.WINDOWS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckpointsOnStandaloneClusterITCase {

    private static final String HEARTBEAT_INTERVAL = "500 ms";
    private static final String HEARTBEAT_TIMEOUT = "3 s";
    private static final int TASK_MANAGERS = 3;
    private static final long WAIT_SECONDS = 120;
    private static final Pattern JOB_ID = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;

    private static DistributionScripts scripts;
    private static Path conf;
    private static Path jar;
    private static int restPort;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        restPort = freePort();
        conf = Files.createDirectories(temp.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "rest.address: localhost",
                "rest.port: " + restPort,
                "jobmanager.memory.process.size: 768m",
                "taskmanager.memory.process.size: 1g",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.numberOfTaskSlots: 1",
                "heartbeat.interval: " + HEARTBEAT_INTERVAL,
                "heartbeat.timeout: " + HEARTBEAT_TIMEOUT,
                "execution.checkpointing.dir: " + temp.resolve("checkpoints").toUri(),
                "execution.checkpointing.savepoint-dir: " + temp.resolve("savepoints").toUri(),
                "env.java.opts.all: -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                ""));
        Path logs = Path.of("target", "checkpoints-on-standalone-cluster-logs").toAbsolutePath();
        if (Files.isDirectory(logs)) {
            try (Stream<Path> old = Files.list(logs)) {
                for (Path file : (Iterable<Path>) old::iterator) {
                    Files.delete(file);
                }
            }
        }
        scripts = new DistributionScripts(Files.createDirectories(temp.resolve("script-output")),
                StandaloneSessionClusterEntrypoint.class)
                .with("FLINK_CONF_DIR", conf.toString())
                // kept after the run (the temporary directory is not), for a failure's post-mortem
                .with("FLINK_LOG_DIR", logs.toString())
                .with("FLINK_PID_DIR", temp.resolve("pid").toString());
        Files.copy(scripts.getHome().resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
        Files.writeString(conf.resolve("masters"), "localhost:" + restPort + "\n");
        Files.writeString(conf.resolve("workers"), "localhost\n".repeat(TASK_MANAGERS));
        jar = TestJars.manifestOnlyJar(Files.createDirectories(temp.resolve("jars")),
                CheckpointedCountingProgram.class);

        DistributionScripts.Result started = scripts.run("bin/start-cluster.sh");
        assertThat(started.exitCode).as(started.describe()).isZero();
        waitUntil(() -> registeredSlots() == TASK_MANAGERS, "all TaskManagers registered");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (scripts != null) {
            // whatever a failed test left: no JVM of this cluster may outlive it
            scripts.run("bin/taskmanager.sh", "stop-all");
            scripts.run("bin/jobmanager.sh", "stop-all");
        }
    }

    /** Cancels what a failed test left running, so that the next finds its slots free. */
    @AfterEach
    void cancelRunningJobs() throws Exception {
        for (JsonNode job : restGet("/jobs").path("jobs")) {
            if (!job.path("status").asText().matches("FINISHED|CANCELED|FAILED")) {
                scripts.run("bin/flink", "cancel", job.path("id").asText());
            }
        }
    }

    // ---- tests ----

    /**
     * Savepoints only (no periodic checkpoints): a checkpoint completed between the savepoint and the cancellation
     * would commit records that the job started from the savepoint writes again, as in Flink (where {@code stop}
     * is the way to move a job with an exactly-once sink).
     */
    @Test
    @Order(1)
    void aSavepointTakenWithTheCliResumesAtAnotherParallelismAndTheCountsGoOn() throws Exception {
        Path output = temp.resolve("savepoint-output");
        Path control = Files.createDirectories(temp.resolve("savepoint-control"));
        long numbers = 60_000;

        DistributionScripts.Result submitted = scripts.run("bin/flink", "run", "-d", "-p", "2", jar.toString(),
                output.toString(), control.toString(), String.valueOf(numbers), "0");
        assertThat(submitted.exitCode).as(submitted.describe()).isZero();
        String first = jobId(submitted);
        waitUntil(() -> inProgressBytes(output) > 0, "the first job writes output");

        DistributionScripts.Result savepoint = scripts.run("bin/flink", "savepoint", first);
        assertThat(savepoint.exitCode).as(savepoint.describe()).isZero();
        Matcher path = Pattern.compile("Savepoint completed\\. Path: (\\S+)").matcher(savepoint.stdout);
        assertThat(path.find()).as(savepoint.describe()).isTrue();
        assertThat(path.group(1)).startsWith("file:" + temp.resolve("savepoints") + "/savepoint-");
        // the completed savepoint commits what the job wrote before it: output the resumed job must not repeat
        waitUntil(() -> committedLines(output) > 0, "the savepoint's part files are committed");
        DistributionScripts.Result cancelled = scripts.run("bin/flink", "cancel", first);
        assertThat(cancelled.exitCode).as(cancelled.describe()).isZero();
        waitUntil(() -> "CANCELED".equals(jobState(first)), "the first job is CANCELED");
        long committedByFirst = committedLines(output);
        assertThat(committedByFirst).as("the savepoint was taken mid-job").isLessThan(numbers);

        Files.createFile(control.resolve(FULL_SPEED));
        DistributionScripts.Result resumed = scripts.run("bin/flink", "run", "-s", path.group(1), "-p", "3",
                jar.toString(), output.toString(), control.toString(), String.valueOf(numbers), "0");

        assertThat(resumed.exitCode).as(resumed.describe()).isZero();
        assertThat(resumed.stdout).containsPattern("Job with JobID [0-9a-f]{32} has finished.");
        JsonNode second = restGet("/jobs/" + jobId(resumed));
        assertThat(second.get("vertices")).allSatisfy(vertex -> assertThat(vertex.get("parallelism").asInt())
                .as("vertex %s", vertex.get("name")).isEqualTo(3));
        System.out.printf("savepoint round trip: %d of %d lines committed by the first job (p=2), the rest by the"
                + " second (p=3)%n", committedByFirst, numbers);
        CheckpointedCountingProgram.assertExactlyOnce(output, numbers);
    }

    @ParameterizedTest(name = "unaligned checkpoints: {0}")
    @ValueSource(booleans = {false, true})
    @Order(2)
    void killedTaskManagersLoseAndDuplicateNothingInTheCommittedFiles(boolean unaligned) throws Exception {
        long seed = Long.getLong("test.seed", System.nanoTime());
        System.out.printf("TaskManager kills (unaligned=%s): seed %d (rerun with -Dtest.seed=%d), heartbeat"
                + " interval %s, timeout %s%n", unaligned, seed, seed, HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT);
        Random random = new Random(seed);
        Path output = temp.resolve("kill-output-" + unaligned);
        Path control = Files.createDirectories(temp.resolve("kill-control-" + unaligned));
        long numbers = 400_000;
        int kills = 3;

        DistributionScripts.Result submitted = scripts.run("bin/flink", "run", "-d", "-p", "2",
                "-Dexecution.checkpointing.unaligned=" + unaligned, jar.toString(), output.toString(),
                control.toString(), String.valueOf(numbers), "200");
        assertThat(submitted.exitCode).as(submitted.describe()).isZero();
        String job = jobId(submitted);
        // until unaligned checkpoints are implemented, the option may be accepted and the barriers still aligned
        System.out.printf("  the JobManager reports unaligned_checkpoints=%s%n",
                restGet("/jobs/" + job + "/checkpoints/config").path("unaligned_checkpoints").asText("?"));

        for (int kill = 1; kill <= kills; kill++) {
            long before = latestCompletedCheckpoint(job);
            waitUntil(() -> latestCompletedCheckpoint(job) > before, "a checkpoint completes before kill " + kill);
            // a random moment of the running job; there is no condition to wait for here
            Thread.sleep(200 + random.nextInt(1_500));
            long victim = taskManagerRunningTheJob(control, random);

            long killedAt = System.currentTimeMillis();
            ProcessHandle.of(victim).orElseThrow().destroyForcibly(); // kill -9
            long checkpointAtKill = latestCompletedCheckpoint(job);
            // the job recovers on the spare TaskManager while the replacement starts
            DistributionScripts.Started replacement = scripts.start("bin/taskmanager.sh", "start");

            long[] committedAt = {0};
            waitUntil(() -> {
                JsonNode latest = restGet("/jobs/" + job + "/checkpoints").path("latest").path("completed");
                if (latest.path("id").asLong(0) > checkpointAtKill
                        && latest.path("trigger_timestamp").asLong(0) > killedAt) {
                    committedAt[0] = latest.path("latest_ack_timestamp").asLong();
                }
                return committedAt[0] != 0;
            }, "the job checkpoints again after kill " + kill);
            // the JobManager's times: when it failed the tasks, when the first checkpoint after the kill completed
            long failedAt = firstFailureSince(job, killedAt);
            assertThat(failedAt).as("the JobManager noticed the loss of TaskManager %d", victim).isPositive();
            DistributionScripts.Result replaced = replacement.await();
            assertThat(replaced.exitCode).as(replaced.describe()).isZero();
            String line = String.format("kill %d (TaskManager %d): tasks failed after %d ms, output committed again"
                    + " (next checkpoint complete) after %d ms", kill, victim, failedAt - killedAt,
                    committedAt[0] - killedAt);
            System.out.println("  " + line);
        }
        assertThat(committedLines(output)).as("the job was still mid-input after the kills").isLessThan(numbers);

        Files.createFile(control.resolve(FULL_SPEED));
        waitUntil(() -> "FINISHED".equals(jobState(job)), "the job FINISHED");

        CheckpointedCountingProgram.assertExactlyOnce(output, numbers);
        waitUntil(() -> registeredSlots() == TASK_MANAGERS, "the replacements registered");
    }

    // ---- helpers ----

    private static String jobId(DistributionScripts.Result submitted) {
        Matcher id = JOB_ID.matcher(submitted.stdout);
        assertThat(id.find()).as(submitted.describe()).isTrue();
        return id.group(1);
    }

    /** A random one of the live TaskManagers running the latest attempt of a subtask of the job. */
    private static long taskManagerRunningTheJob(Path control, Random random) throws IOException {
        int latestAttempt = -1;
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> files = Files.list(control.resolve(PIDS))) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                int attempt = Integer.parseInt(file.getFileName().toString().replaceAll(".*-attempt-", ""));
                long pid = Long.parseLong(Files.readString(file).trim());
                if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                if (attempt > latestAttempt) {
                    latestAttempt = attempt;
                    pids.clear();
                }
                if (attempt == latestAttempt && !pids.contains(pid)) {
                    pids.add(pid);
                }
            }
        }
        assertThat(pids).as("live TaskManagers running the job (pid files in %s)", control).isNotEmpty();
        long pid = pids.get(random.nextInt(pids.size()));
        String commandLine = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("");
        assertThat(commandLine).as("pid %d is a TaskManager of this cluster", pid).contains("TaskManagerRunner")
                .contains(conf.toString());
        return pid;
    }

    private static long committedLines(Path output) {
        try {
            return CheckpointedCountingProgram.committedLines(output).size();
        } catch (IOException e) {
            return 0; // a file was renamed while listed: look again
        }
    }

    /** The bytes in the hidden in-progress part files under {@code output}. */
    private static long inProgressBytes(Path output) {
        if (!Files.isDirectory(output)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(output)) {
            long bytes = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().endsWith(".inprogress")) {
                    bytes += Files.size(file);
                }
            }
            return bytes;
        } catch (IOException e) {
            return 0; // a file was renamed while listed: look again
        }
    }

    private static String jobState(String jobId) {
        return restGet("/jobs/" + jobId).path("state").asText();
    }

    private static boolean allTasksRunning(String jobId) {
        JsonNode vertices = restGet("/jobs/" + jobId).path("vertices");
        if (vertices.isEmpty()) {
            return false;
        }
        for (JsonNode vertex : vertices) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** The time of the job's first failure at or after {@code since}, or 0. */
    private static long firstFailureSince(String jobId, long since) {
        long first = Long.MAX_VALUE;
        for (JsonNode entry : restGet("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries")) {
            long timestamp = entry.path("timestamp").asLong();
            if (timestamp >= since) {
                first = Math.min(first, timestamp);
            }
        }
        return first == Long.MAX_VALUE ? 0 : first;
    }

    private static long latestCompletedCheckpoint(String jobId) {
        return restGet("/jobs/" + jobId + "/checkpoints").path("latest").path("completed").path("id").asLong(0);
    }

    private static int registeredSlots() {
        JsonNode taskManagers = restGet("/taskmanagers").path("taskmanagers");
        int slots = 0;
        for (JsonNode taskManager : taskManagers) {
            slots += taskManager.path("slotsNumber").asInt();
        }
        return slots;
    }

    private static JsonNode restGet(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + restPort
                    + path)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode(); // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT_SECONDS + " s waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
