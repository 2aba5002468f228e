package io.freshet.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.entrypoint.component.DispatcherResourceManagerComponent;
import io.freshet.runtime.resourcemanager.ResourceManager;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.resourcemanager.TaskManagerInfo;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.rpc.netty.NettyRpcService;
import io.freshet.testutils.DistributionScripts;
import io.freshet.testutils.TestJars;

/**
 * A standalone cluster of separate JVMs started by the distribution's scripts: {@code bin/start-cluster.sh} starts
 * a JobManager and two TaskManagers (two slots each) from a configuration directory of the test's own; jobs are
 * submitted, listed and cancelled with {@code bin/flink} (over the JobManager's REST API), and the test checks the
 * ResourceManager's view over the Netty RPC transport.
 */
@DisabledOnOs(OS.WINDOWS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static DistributionScripts scripts;
    private static int jobManagerPort;
    private static int restPort;
    private static RpcService client;
    private static ResourceManagerGateway resourceManager;

    @BeforeAll
    static void startCluster() throws Exception {
        jobManagerPort = freePort();
        restPort = freePort();
        Path conf = Files.createDirectories(temp.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + jobManagerPort,
                "rest.address: localhost",
                "rest.port: " + restPort,
                "jobmanager.memory.process.size: 768m",
                "taskmanager.memory.process.size: 1g",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.numberOfTaskSlots: 2",
                "heartbeat.interval: 500 ms",
                "heartbeat.timeout: 4 s",
                "env.java.opts.all: -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                ""));
        Files.copy(scripts().getHome().resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
        // the webui-port of conf/masters is the one the JobManager's REST endpoint binds
        Files.writeString(conf.resolve("masters"), "localhost:" + restPort + "\n");
        Files.writeString(conf.resolve("workers"), "localhost\nlocalhost\n");
        scripts.with("FLINK_CONF_DIR", conf.toString())
                .with("FLINK_LOG_DIR", temp.resolve("log").toString())
                .with("FLINK_PID_DIR", temp.resolve("pid").toString());

        DistributionScripts.Result started = scripts.run("bin/start-cluster.sh");
        assertThat(started.exitCode).as(started.describe()).isZero();
        assertThat(started.stdout).contains("Starting standalonesession daemon on host")
                .contains("Starting taskexecutor daemon on host");

        client = RpcSystem.netty().createService("test-client", "localhost", 0, new Configuration());
        String jobManager = NettyRpcService.SCHEME + "localhost:" + jobManagerPort + "/";
        resourceManager = client.connect(jobManager + ResourceManager.RESOURCE_MANAGER_NAME,
                new ResourceManagerId(DispatcherResourceManagerComponent.DEFAULT_LEADER_ID),
                ResourceManagerGateway.class).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        waitUntil(() -> registeredSlots() == 4, "both TaskManagers registered their two slots");
    }

    private static DistributionScripts scripts() throws IOException {
        if (scripts == null) {
            scripts = new DistributionScripts(Files.createDirectories(temp.resolve("script-output")),
                    StandaloneSessionClusterEntrypoint.class);
        }
        return scripts;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (scripts != null) {
                // whatever a failed test left: no JVM of this cluster may outlive it
                scripts.run("bin/taskmanager.sh", "stop-all");
                scripts.run("bin/jobmanager.sh", "stop-all");
            }
        }
    }

    // ---- tests ----

    @Test
    @Order(2)
    void daemonsRunWithTheConfiguredJvmOptionsMemoryFlagsLogAndPidFiles() throws Exception {
        List<String> commandLines = new ArrayList<>();
        for (long pid : daemonPids()) {
            commandLines.add(ProcessHandle.of(pid).flatMap(process -> process.info().commandLine()).orElse(""));
        }
        assertThat(commandLines).hasSize(3).allSatisfy(line -> assertThat(line)
                .contains("-XX:+UseSerialGC") // env.java.opts.all
                .contains("-XX:MaxMetaspaceSize=") // computed from the memory options
                .contains("--configDir " + temp.resolve("conf")));
        assertThat(commandLines).filteredOn(line -> line.contains("TaskManagerRunner")).hasSize(2)
                // taskmanager.memory.process.size 1g: 576m Freshet memory, 64m managed, 64m network -> 320m heap
                .allSatisfy(line -> assertThat(line).contains("-Xmx335544320"));
        assertThat(commandLines).filteredOn(line -> line.contains("StandaloneSessionClusterEntrypoint")).hasSize(1)
                // jobmanager.memory.process.size 768m - 256m metaspace - 192m overhead - 128m off-heap
                .allSatisfy(line -> assertThat(line).contains("-Xmx201326592"));

        String user = System.getProperty("user.name");
        assertThat(Files.readAllLines(temp.resolve("pid/flink-" + user + "-taskexecutor.pid"))).hasSize(2);
        assertThat(Files.readAllLines(temp.resolve("pid/flink-" + user + "-standalonesession.pid"))).hasSize(1);
        try (Stream<Path> logs = Files.list(temp.resolve("log"))) {
            assertThat(logs.map(file -> file.getFileName().toString()))
                    .anyMatch(name -> name.matches("flink-" + user + "-taskexecutor-1-.*\\.log"))
                    .anyMatch(name -> name.matches("flink-" + user + "-standalonesession-0-.*\\.out"));
        }
    }

    @Test
    @Order(100) // last: it stops the cluster
    void cliRunSurvivesTheLossOfATaskManagerAndStopClusterLeavesNoJvm() throws Exception {
        Path results = Files.createDirectories(temp.resolve("job-results"));
        Path jar = TestJars.manifestOnlyJar(Files.createDirectories(temp.resolve("jars")),
                ProcessTestPrograms.SurvivingJobProgram.class);

        // attached: the client waits for the job through the TaskManager's loss and the restart
        DistributionScripts.Started run = scripts.start("bin/flink", "run", jar.toString(), results.toString(), "2",
                "100000");
        waitUntil(() -> Files.exists(results.resolve("started-0-0")) && Files.exists(results.resolve("started-1-0")),
                "both source subtasks run");
        DistributionScripts.Result list = scripts.run("bin/flink", "list", "-r");
        assertThat(list.exitCode).as(list.describe()).isZero();
        assertThat(list.stdout).contains("------------------ Running/Restarting Jobs -------------------")
                .containsPattern("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2} : [0-9a-f]{32} : survives-kill \\(RUNNING\\)");
        long victim = Long.parseLong(Files.readString(results.resolve("started-0-0")).trim());
        List<Long> daemons = daemonPids();
        assertThat(daemons).as("the source runs in a TaskManager started by the scripts").contains(victim);

        ProcessHandle.of(victim).orElseThrow().destroyForcibly(); // kill -9

        DistributionScripts.Result finished = run.await();
        assertThat(finished.exitCode).as(finished.describe()).isZero();
        assertThat(finished.stdout).containsPattern("Job has been submitted with JobID [0-9a-f]{32}")
                .containsPattern("Job with JobID [0-9a-f]{32} has finished.");
        long count = 0;
        long sum = 0;
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("result-")
                    && !f.getFileName().toString().endsWith(".tmp"))::iterator) {
                String[] parts = Files.readString(file).trim().split(" ");
                count += Long.parseLong(parts[0]);
                sum += Long.parseLong(parts[1]);
            }
        }
        assertThat(count).isEqualTo(2 * 100_000L);
        assertThat(sum).isEqualTo(2 * (100_000L * 99_999L / 2));
        assertThat(registeredSlots()).as("the killed TaskManager is gone from the ResourceManager").isEqualTo(2);
        DistributionScripts.Result all = scripts.run("bin/flink", "list", "-a");
        assertThat(all.stdout).containsPattern(": survives-kill \\(FINISHED\\)");

        DistributionScripts.Result stopped = scripts.run("bin/stop-cluster.sh");

        assertThat(stopped.exitCode).as(stopped.describe()).isZero();
        for (long pid : daemons) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("daemon %d is gone after stop-cluster.sh", pid).isFalse();
        }
        assertThat(daemonPids()).isEmpty();
    }

    @Test
    @Order(3)
    void cliCancelsADetachedJobAndTheRestApiAnswersForTheCluster() throws Exception {
        Path results = Files.createDirectories(temp.resolve("cancel-results"));
        Path jar = TestJars.manifestOnlyJar(Files.createDirectories(temp.resolve("cancel-jars")),
                ProcessTestPrograms.SurvivingJobProgram.class);

        DistributionScripts.Result submitted = scripts.run("bin/flink", "run", "-d", jar.toString(),
                results.toString(), "1", "10");
        assertThat(submitted.exitCode).as(submitted.describe()).isZero();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})")
                .matcher(submitted.stdout);
        assertThat(id.find()).as(submitted.describe()).isTrue();
        String jobId = id.group(1);
        waitUntil(() -> Files.exists(results.resolve("started-0-0")), "the source runs");

        java.net.http.HttpResponse<String> taskManagers = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + restPort
                        + "/taskmanagers")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(taskManagers.statusCode()).isEqualTo(200);
        assertThat(taskManagers.body()).contains("\"slotsNumber\":2");

        DistributionScripts.Result cancelled = scripts.run("bin/flink", "cancel", jobId);
        assertThat(cancelled.exitCode).as(cancelled.describe()).isZero();
        assertThat(cancelled.stdout).contains("Cancelled job " + jobId + ".");
        waitUntil(() -> {
            try {
                return scripts.run("bin/flink", "list", "-a").stdout.contains(jobId + " : survives-kill (CANCELED)");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "the job is listed as CANCELED");
        assertThat(registeredSlots()).as("the cluster is whole after the cancellation").isEqualTo(4);
    }

    @Test
    @Order(1)
    void aSecondJobManagerOnTheSamePortFailsItsStartNamingThePort() throws Exception {
        DistributionScripts.Result second = scripts.run("bin/jobmanager.sh", "start");

        assertThat(second.exitCode).as(second.describe()).isEqualTo(1);
        assertThat(second.stderr).contains("ended right after its start")
                .contains("cannot listen on localhost:" + jobManagerPort)
                .contains("Is another JobManager running?");
        assertThat(registeredSlots()).as("the running cluster is untouched").isEqualTo(4);
    }

    @Test
    @Order(4)
    void aDataStreamProgramRunsOnTheClusterThroughTheCli() throws Exception {
        Path jar = TestJars.manifestOnlyJar(Files.createDirectories(temp.resolve("streaming-jars")),
                io.freshet.client.testprograms.TestPrograms.StreamingSumProgram.class);

        DistributionScripts.Result run = scripts.run("bin/flink", "run", "-p", "2", jar.toString(), "20000");

        assertThat(run.exitCode).as(run.describe()).isZero();
        assertThat(run.stdout).containsPattern("Job with JobID [0-9a-f]{32} has finished.");
        assertThat(scripts.run("bin/flink", "list", "-a").stdout).contains(": streaming sum (FINISHED)");
    }

    @Test
    @Order(1)
    void aWronglyTypedValueStopsTheDaemonBeforeItStartsNamingKeyFileAndLine() throws Exception {
        Path badConf = Files.createDirectories(temp.resolve("bad-conf"));
        Files.writeString(badConf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.port: " + freePort(),
                "restart-strategy.fixed-delay.attempts: many",
                ""));
        DistributionScripts badScripts = new DistributionScripts(
                Files.createDirectories(temp.resolve("bad-script-output")), StandaloneSessionClusterEntrypoint.class)
                .with("FLINK_CONF_DIR", badConf.toString())
                .with("FLINK_LOG_DIR", temp.resolve("bad-log").toString())
                .with("FLINK_PID_DIR", temp.resolve("bad-pid").toString());

        DistributionScripts.Result result = badScripts.run("bin/jobmanager.sh", "start");

        assertThat(result.exitCode).as(result.describe()).isEqualTo(1);
        assertThat(result.stderr).contains("'restart-strategy.fixed-delay.attempts'").contains("'many'")
                .contains(badConf.resolve("config.yaml") + " line 2");
        assertThat(registeredSlots()).as("the running cluster is untouched").isEqualTo(4);
    }

    // ---- helpers ----

    /** The pids of this cluster's JVMs that are alive (found by their configuration directory). */
    private static List<Long> daemonPids() {
        String marker = temp.resolve("conf").toString();
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)
                        && line.contains("java")).orElse(false))
                .forEach(process -> pids.add(process.pid()));
        return pids;
    }

    private static int registeredSlots() {
        try {
            Collection<TaskManagerInfo> infos = resourceManager.requestTaskManagerInfo(TIMEOUT)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return infos.stream().mapToInt(TaskManagerInfo::getNumberOfSlots).sum();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}
