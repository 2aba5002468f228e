package io.freshet.yarn;

import static io.freshet.yarn.YarnTestUtils.runningContainers;
import static io.freshet.yarn.YarnTestUtils.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.freshet.testutils.DistributionScripts;
import io.freshet.testutils.DistributionScripts.Result;
import io.freshet.testutils.TestJars;
import io.freshet.yarn.programs.EndlessProgram;
import io.freshet.yarn.programs.FailingProgram;
import io.freshet.yarn.programs.WordCountProgram;

/**
 * The YARN front ends as users run them, as real processes on MiniYARNCluster + MiniDFSCluster:
 * {@code bin/yarn-session.sh} (detached, attach with {@code -id}, stop), {@code bin/flink run -t yarn-session} and
 * {@code -t yarn-per-job}, {@code list} and {@code cancel} against a session.
 */
class YarnCliITCase {

    private static final String TEXT = "the river flows\nthe river floods the plain\nflows and floods\n";

    private static MiniYarnAndDfs clusters;
    private static YarnDistribution distribution;
    private static YarnClient yarn;
    private static String input;

    @BeforeAll
    static void start() throws Exception {
        clusters = MiniYarnAndDfs.start("YarnCliITCase");
        distribution = new YarnDistribution(clusters, Paths.get("target/YarnCliITCase").toAbsolutePath(),
                Map.of("resourcemanager.taskmanager-timeout", "2 s"));
        yarn = YarnClient.createYarnClient();
        yarn.init(clusters.yarnConfiguration());
        yarn.start();
        try (OutputStream out = clusters.fileSystem().create(new org.apache.hadoop.fs.Path("/input/words.txt"))) {
            out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        }
        input = clusters.hdfsUri() + "/input/words.txt";
    }

    @AfterAll
    static void stop() {
        if (yarn != null) {
            yarn.stop();
        }
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void sessionScriptStartsASessionThatRunsListsCancelsJobsAndStopsSucceeded() throws Exception {
        DistributionScripts scripts = distribution.scripts();
        Result session = scripts.run("bin/yarn-session.sh", "-d", "-nm", "cli session", "-s", "1");
        assertThat(session.exitCode).as(session.describe()).isZero();
        assertThat(session.stdout).contains("Found Web Interface ");
        String applicationId = YarnDistribution.applicationId(session.stdout);
        ApplicationId appId = ApplicationId.fromString(applicationId);
        assertThat(yarn.getApplicationReport(appId).getName()).isEqualTo("cli session");
        assertThat(Files.readString(distribution.propertiesFile())).contains("applicationID=" + applicationId);

        // a bounded job, found through the properties file, attached: WordCount of an HDFS file
        Path output = distribution.directory().resolve("session-wordcount");
        Result wordCount = scripts.run("bin/flink", "run", "-t", "yarn-session", jar(WordCountProgram.class), input,
                output.toUri().toString());
        assertThat(wordCount.exitCode).as(wordCount.describe()).isZero();
        assertThat(finalCounts(output)).containsExactlyInAnyOrderEntriesOf(Map.of("the", 3, "river", 2, "flows", 2,
                "floods", 2, "plain", 1, "and", 1));

        // an endless job, detached, to the session named by its id: listed, cancelled
        Result endless = scripts.run("bin/flink", "run", "-t", "yarn-session", "-d",
                "-Dyarn.application.id=" + applicationId, jar(EndlessProgram.class));
        assertThat(endless.exitCode).as(endless.describe()).isZero();
        String jobId = YarnDistribution.jobId(endless.stdout);
        waitUntil("the endless job is listed as RUNNING", Duration.ofMinutes(2),
                () -> scripts.run("bin/flink", "list", "-t", "yarn-session").stdout.contains(jobId + " : endless on"
                        + " YARN (RUNNING)"));
        Result cancel = scripts.run("bin/flink", "cancel", "-t", "yarn-session", jobId);
        assertThat(cancel.exitCode).as(cancel.describe()).isZero();
        waitUntil("the endless job is no longer running", Duration.ofMinutes(1),
                () -> scripts.run("bin/flink", "list", "-t", "yarn-session").stdout.contains("No running jobs"));

        // without jobs the TaskManager containers go back to YARN
        waitUntil("only the ApplicationMaster's container runs", Duration.ofMinutes(1),
                () -> runningContainers(yarn, appId).size() == 1);

        // attach again and stop it
        Result stop = scripts.run("bash", "-c", "echo stop | bin/yarn-session.sh -id " + applicationId);
        assertThat(stop.exitCode).as(stop.describe()).isZero();
        ApplicationReport report = yarn.getApplicationReport(appId);
        assertThat(report.getYarnApplicationState()).isEqualTo(YarnApplicationState.FINISHED);
        assertThat(report.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(clusters.fileSystem().exists(new org.apache.hadoop.fs.Path(
                clusters.fileSystem().getHomeDirectory(), ".flink/" + applicationId))).isFalse();
        assertThat(distribution.propertiesFile()).doesNotExist();
    }

    @Test
    void perJobWordCountOnHdfsInputEndsSucceeded() throws Exception {
        Path output = distribution.directory().resolve("per-job-wordcount");
        long start = System.nanoTime();
        Result run = distribution.scripts().run("bin/flink", "run", "-t", "yarn-per-job", "-p", "2",
                jar(WordCountProgram.class), input, output.toUri().toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(run.exitCode).as(run.describe()).isZero();
        System.out.printf("YARN per-job timings: bin/flink run -t yarn-per-job (attached, WordCount) %d ms%n", millis);
        assertThat(finalCounts(output)).containsEntry("the", 3).containsEntry("floods", 2).hasSize(6);
        assertThat(run.stdout).contains("Found Web Interface ");
        ApplicationReport report = yarn.getApplicationReport(ApplicationId.fromString(
                YarnDistribution.applicationId(run.stdout)));
        assertThat(report.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.SUCCEEDED);
    }

    @Test
    void perJobFailingJobEndsFailedWithTheCauseAndANonZeroExitCode() throws Exception {
        Result run = distribution.scripts().run("bin/flink", "run", "-t", "yarn-per-job",
                "-Drestart-strategy.type=none", jar(FailingProgram.class));
        assertThat(run.exitCode).as(run.describe()).isNotZero();
        assertThat(run.stderr).contains(FailingProgram.FAILURE_MESSAGE);
        String applicationId = YarnDistribution.applicationId(run.stderr);
        ApplicationReport report = yarn.getApplicationReport(ApplicationId.fromString(applicationId));
        assertThat(report.getFinalApplicationStatus()).isEqualTo(FinalApplicationStatus.FAILED);
        assertThat(report.getDiagnostics()).contains(FailingProgram.FAILURE_MESSAGE);
    }

    @Test
    void applicationModeRunsTheProgramOnTheClusterAndEndsSucceeded() throws Exception {
        Path output = distribution.directory().resolve("application-wordcount");
        Result run = distribution.scripts().run("bin/flink", "run-application", "-t", "yarn-application",
                jar(WordCountProgram.class), input, output.toUri().toString());
        assertThat(run.exitCode).as(run.describe()).isZero();
        assertThat(run.stdout).contains("Found Web Interface ");
        ApplicationId appId = ApplicationId.fromString(YarnDistribution.applicationId(run.stdout));
        waitUntil("the application ends", Duration.ofMinutes(2),
                () -> YarnClusterDescriptor.isFinal(yarn.getApplicationReport(appId).getYarnApplicationState()));
        ApplicationReport report = yarn.getApplicationReport(appId);
        assertThat(report.getFinalApplicationStatus()).as(report.getDiagnostics())
                .isEqualTo(FinalApplicationStatus.SUCCEEDED);
        assertThat(finalCounts(output)).containsEntry("the", 3).containsEntry("plain", 1).hasSize(6);
    }

    @Test
    void badInputsFailClearlyAndLeaveNothingRunning() throws Exception {
        DistributionScripts scripts = distribution.scripts();
        int applicationsBefore = yarn.getApplications().size();

        Result noHadoopConf = distribution.scriptsWithoutHadoopConfiguration().run("bin/yarn-session.sh", "-d");
        assertThat(noHadoopConf.exitCode).isEqualTo(1);
        assertThat(noHadoopConf.stderr).contains("No Hadoop configuration names a YARN ResourceManager")
                .contains("HADOOP_CONF_DIR");

        Result tooLarge = scripts.run("bin/yarn-session.sh", "-d", "-tm", "4096");
        assertThat(tooLarge.exitCode).isEqualTo(1);
        assertThat(tooLarge.stderr).contains("A TaskManager's container would need 4096 MB")
                .contains("at most " + MiniYarnAndDfs.MAX_ALLOCATION_MB + " MB").contains("taskmanager.memory.process.size");

        Result unknownQueue = scripts.run("bin/yarn-session.sh", "-d", "-qu", "no-such-queue");
        assertThat(unknownQueue.exitCode).isEqualTo(1);
        assertThat(unknownQueue.stderr).contains("no-such-queue").contains("yarn.application.queue");

        Result unknownSession = scripts.run("bin/yarn-session.sh", "-id", "application_1000000000000_0042");
        assertThat(unknownSession.exitCode).isEqualTo(1);
        assertThat(unknownSession.stderr).contains("YARN knows no application application_1000000000000_0042");
        Result unknownTarget = scripts.run("bin/flink", "run", "-t", "yarn-session",
                "-Dyarn.application.id=application_1000000000000_0042", jar(WordCountProgram.class), input,
                distribution.directory().resolve("never").toString());
        assertThat(unknownTarget.exitCode).isEqualTo(1);
        assertThat(unknownTarget.stderr).contains("YARN knows no application application_1000000000000_0042");

        // the rejected submission (unknown queue) is the only new application, and it has ended
        for (ApplicationReport report : yarn.getApplications()) {
            assertThat(YarnClusterDescriptor.isFinal(report.getYarnApplicationState()))
                    .as("application %s (%s) is %s", report.getApplicationId(), report.getName(),
                            report.getYarnApplicationState()).isTrue();
        }
        assertThat(yarn.getApplications()).hasSizeLessThanOrEqualTo(applicationsBefore + 1);
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(clusters.fileSystem().getHomeDirectory(),
                ".flink");
        if (clusters.fileSystem().exists(staging)) {
            for (org.apache.hadoop.fs.FileStatus left : clusters.fileSystem().listStatus(staging)) {
                assertThat(yarn.getApplicationReport(ApplicationId.fromString(left.getPath().getName()))
                        .getYarnApplicationState()).as("staging directory %s", left.getPath())
                        .isIn(YarnApplicationState.RUNNING, YarnApplicationState.ACCEPTED);
            }
        }
    }

    private static String jar(Class<?> program) throws Exception {
        return TestJars.manifestOnlyJar(Files.createDirectories(distribution.directory().resolve("jars")), program)
                .toString();
    }

    /** The highest count per word in the lines "(word,count)" of the output file or directory. */
    private static Map<String, Integer> finalCounts(Path output) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        // parallelism 1 writes one file, more a directory of files
        try (var files = Files.isDirectory(output) ? Files.list(output) : java.util.stream.Stream.of(output)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] parts = line.substring(1, line.length() - 1).split(",");
                    counts.merge(parts[0], Integer.parseInt(parts[1]), Math::max);
                }
            }
        }
        return counts;
    }
}
