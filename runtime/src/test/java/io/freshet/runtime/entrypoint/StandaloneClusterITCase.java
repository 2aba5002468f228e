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

import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.dispatcher.Dispatcher;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.entrypoint.component.DispatcherResourceManagerComponent;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.runtime.resourcemanager.ResourceManager;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.resourcemanager.TaskManagerInfo;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.rpc.netty.NettyRpcService;
import io.freshet.testutils.DistributionScripts;

/**
 * A standalone cluster of separate JVMs started by the distribution's scripts: {@code bin/start-cluster.sh} starts
 * a JobManager and two TaskManagers (two slots each) from a configuration directory of the test's own; the test
 * talks to the JobManager over the Netty RPC transport as a client process would.
 */
@DisabledOnOs(OS.WINDOWS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static DistributionScripts scripts;
    private static int jobManagerPort;
    private static RpcService client;
    private static DispatcherGateway dispatcher;
    private static ResourceManagerGateway resourceManager;

    @BeforeAll
    static void startCluster() throws Exception {
        jobManagerPort = freePort();
        Path conf = Files.createDirectories(temp.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + jobManagerPort,
                "jobmanager.memory.process.size: 768m",
                "taskmanager.memory.process.size: 1g",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.numberOfTaskSlots: 2",
                "heartbeat.interval: 500 ms",
                "heartbeat.timeout: 4 s",
                "env.java.opts.all: -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                ""));
        Files.copy(scripts().getHome().resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
        Files.writeString(conf.resolve("masters"), "localhost:8081\n");
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
        dispatcher = client.connect(jobManager + Dispatcher.DISPATCHER_NAME, DispatcherGateway.class)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
    void jobSurvivesTheLossOfATaskManagerAndStopClusterLeavesNoJvm() throws Exception {
        Path results = Files.createDirectories(temp.resolve("job-results"));
        JobGraph job = sourceToSink("survives-kill", results, 2, 100_000);
        job.getJobConfiguration().setString("restart-strategy.type", "fixed-delay");
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.attempts", "3");
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.delay", "500 ms");

        dispatcher.submitJob(job, TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        waitUntil(() -> Files.exists(results.resolve("started-0-0")) && Files.exists(results.resolve("started-1-0")),
                "both source subtasks run");
        long victim = Long.parseLong(Files.readString(results.resolve("started-0-0")).trim());
        List<Long> daemons = daemonPids();
        assertThat(daemons).as("the source runs in a TaskManager started by the scripts").contains(victim);

        ProcessHandle.of(victim).orElseThrow().destroyForcibly(); // kill -9

        JobResult result = dispatcher.requestJobResult(job.getJobID(), Duration.ofMinutes(2)).get(2, TimeUnit.MINUTES);
        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
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

        DistributionScripts.Result stopped = scripts.run("bin/stop-cluster.sh");

        assertThat(stopped.exitCode).as(stopped.describe()).isZero();
        for (long pid : daemons) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("daemon %d is gone after stop-cluster.sh", pid).isFalse();
        }
        assertThat(daemonPids()).isEmpty();
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

    // ---- helpers ----

    private static JobGraph sourceToSink(String name, Path directory, int parallelism, long records) {
        JobVertex source = new JobVertex("source");
        source.setInvokableClassName(ProcessTestInvokables.SourceBlockingInFirstAttempt.class.getName());
        source.setParallelism(parallelism);
        source.getConfiguration().setString(ProcessTestInvokables.DIRECTORY, directory.toString());
        source.getConfiguration().setString(ProcessTestInvokables.RECORDS, String.valueOf(records));
        JobVertex sink = new JobVertex("sink");
        sink.setInvokableClassName(ProcessTestInvokables.ResultFileSink.class.getName());
        sink.setParallelism(parallelism);
        sink.getConfiguration().setString(ProcessTestInvokables.DIRECTORY, directory.toString());
        sink.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED_BOUNDED);
        SlotSharingGroup group = new SlotSharingGroup();
        source.setSlotSharingGroup(group);
        sink.setSlotSharingGroup(group);
        return new JobGraph(null, name, source, sink);
    }

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
