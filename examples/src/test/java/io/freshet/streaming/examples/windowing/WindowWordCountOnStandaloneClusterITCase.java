package io.freshet.streaming.examples.windowing;

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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.streaming.examples.util.ExampleRun;
import io.freshet.testutils.DistributionScripts;
import io.freshet.testutils.TestJars;

/**
 * WindowWordCount on a standalone cluster of separate JVMs ({@code bin/start-cluster.sh}, one TaskManager with two
 * slots), submitted with {@code bin/flink run} over the JobManager's REST API. It lives here rather than in the
 * runtime's StandaloneClusterITCase because the runtime module cannot see the examples' classes.
 */
@DisabledOnOs(OS.WINDOWS)
class WindowWordCountOnStandaloneClusterITCase {

    @TempDir
    Path temp;

    @Test
    void windowWordCountRunsOnTheClusterAtParallelismTwo() throws Exception {
        Path conf = Files.createDirectories(temp.resolve("conf"));
        int restPort = freePort();
        Files.writeString(conf.resolve("config.yaml"), String.join("\n",
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "rest.address: localhost",
                "rest.port: " + restPort,
                "jobmanager.memory.process.size: 768m",
                "taskmanager.memory.process.size: 1g",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.numberOfTaskSlots: 2",
                "env.java.opts.all: -XX:+UseSerialGC -XX:TieredStopAtLevel=1",
                ""));
        DistributionScripts scripts = new DistributionScripts(Files.createDirectories(temp.resolve("script-output")),
                ExampleRun.class)
                .with("FLINK_CONF_DIR", conf.toString())
                .with("FLINK_LOG_DIR", temp.resolve("log").toString())
                .with("FLINK_PID_DIR", temp.resolve("pid").toString());
        Files.copy(scripts.getHome().resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
        Files.writeString(conf.resolve("masters"), "localhost:" + restPort + "\n");
        Files.writeString(conf.resolve("workers"), "localhost\n");
        Path input = Files.writeString(temp.resolve("input.txt"), "a b a c a b a a\nb c b\n");
        Path output = temp.resolve("counts");
        Path jar = TestJars.manifestOnlyJar(Files.createDirectories(temp.resolve("jars")), WindowWordCount.class);

        DistributionScripts.Result started = scripts.run("bin/start-cluster.sh");
        try {
            assertThat(started.exitCode).as(started.describe()).isZero();

            awaitTaskManagerWithTwoSlots(restPort);

            DistributionScripts.Result run = scripts.run("bin/flink", "run", "-p", "2", jar.toString(), "--input",
                    input.toString(), "--output", output.toString(), "--window", "3", "--slide", "2");

            assertThat(run.exitCode).as(run.describe()).isZero();
            assertThat(run.stdout).containsPattern("Job with JobID [0-9a-f]{32} has finished.");
            assertThat(ExampleRun.linesOfDirectory(output))
                    .containsExactlyInAnyOrder("(a,2)", "(a,3)", "(b,2)", "(b,3)", "(c,2)");
        } finally {
            scripts.run("bin/stop-cluster.sh");
            scripts.run("bin/taskmanager.sh", "stop-all");
            scripts.run("bin/jobmanager.sh", "stop-all");
        }
        assertThat(clusterJvms(conf)).as("stop-cluster.sh leaves no JVM of this cluster").isEmpty();
    }

    /** Waits until the JobManager's REST API lists the TaskManager with its two slots. */
    private static void awaitTaskManagerWithTwoSlots(int restPort) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/taskmanagers"))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).body().contains("\"slotsNumber\":2")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("the TaskManager registers at the JobManager").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<Long> clusterJvms(Path conf) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains(conf.toString()) && line.contains("java")).orElse(false))
                .forEach(process -> pids.add(process.pid()));
        return pids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
