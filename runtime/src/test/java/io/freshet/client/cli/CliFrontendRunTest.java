package io.freshet.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.client.testprograms.TestPrograms;
import io.freshet.testutils.TestJars;

/**
 * {@code bin/flink run} and {@code info} of programs packaged into jars at test time, on the {@code local} target
 * (an embedded MiniCluster), and the errors users meet: bad jars, missing classes, failing programs and jobs, a
 * cluster that is not running.
 */
class CliFrontendRunTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CliFrontend frontend = new CliFrontend(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), "test", null);

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String describe() {
        return "--- out:\n" + out() + "\n--- err:\n" + err();
    }

    private Path programJar(Class<?> mainClass) throws IOException {
        return TestJars.manifestOnlyJar(temp, mainClass);
    }

    // ---- run ----

    @Test
    void attachedRunOnTheLocalTargetPrintsFlinksLinesAndSucceeds() throws Exception {
        int exitCode = frontend.run("run", "-t", "local", "-p", "2", programJar(TestPrograms.NumbersProgram.class)
                .toString(), "5000");

        assertThat(exitCode).as(describe()).isZero();
        assertThat(out()).containsPattern("Job has been submitted with JobID [0-9a-f]{32}")
                .contains("Program execution finished")
                .containsPattern("Job with JobID [0-9a-f]{32} has finished.")
                .containsPattern("Job Runtime: \\d+ ms");
    }

    @Test
    void theProgramsOwnConfigurationTakesEffectUnderTheCli() throws Exception {
        // the job fails once; only the restart strategy set inside the program lets it finish
        int exitCode = frontend.run("run", "-t", "local", "-c", TestPrograms.RestartingProgram.class.getName(),
                programJar(null).toString());

        assertThat(exitCode).as(describe()).isZero();
        assertThat(out()).contains("has finished.");
    }

    @Test
    void aFailingJobFailsTheRunWithTheJobsFailure() throws Exception {
        int exitCode = frontend.run("run", "-t", "local", programJar(TestPrograms.FailingJobProgram.class).toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(out()).containsPattern("Job has been submitted with JobID [0-9a-f]{32}");
        assertThat(err()).contains("The program finished with the following exception:")
                .contains("The main method caused an error")
                .contains("source attempt 0 fails on purpose");
    }

    @Test
    void aMainMethodThatThrowsFailsTheRunNamingTheError() throws Exception {
        int exitCode = frontend.run("run", "-t", "local", programJar(TestPrograms.ThrowingProgram.class).toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("The main method caused an error: no input path given; pass --input <path>");
    }

    @Test
    void aFileThatIsNotAJarIsRejected() throws Exception {
        Path notAJar = Files.writeString(temp.resolve("job.jar"), "this is text, not a zip archive");

        int exitCode = frontend.run("run", "-t", "local", notAJar.toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("Error while opening jar file '" + notAJar + "'").contains("not a valid jar");
    }

    @Test
    void aMissingJarIsRejectedNamingThePath() {
        int exitCode = frontend.run("run", "-t", "local", temp.resolve("missing.jar").toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("JAR file does not exist: " + temp.resolve("missing.jar"));
    }

    @Test
    void aJarWithoutEntryClassAsksForMinusC() throws Exception {
        int exitCode = frontend.run("run", "-t", "local", programJar(null).toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("Neither a 'Main-Class', nor a 'program-class' entry was found")
                .contains("-c <class>");
    }

    @Test
    void aMissingEntryClassIsNamed() throws Exception {
        int exitCode = frontend.run("run", "-t", "local", "-c", "com.example.NoSuchJob", programJar(null).toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("'com.example.NoSuchJob' was not found in the jar file");
    }

    @Test
    void aBadParallelismIsRejected() throws Exception {
        int exitCode = frontend.run("run", "-t", "local", "-p", "zero",
                programJar(TestPrograms.NumbersProgram.class).toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("The parallelism must be a positive number: zero");
    }

    @Test
    void anUnknownOptionIsRejectedWithTheActionsHelp() {
        int exitCode = frontend.run("run", "--paralelism", "2", "job.jar");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("Unrecognized option: --paralelism");
        assertThat(out()).contains("Action \"run\" compiles and runs a program.");
    }

    // ---- a cluster that is not running ----

    @Test
    void runAgainstAClusterThatIsNotRunningFailsFastNamingTheAddress() throws Exception {
        int port = freePort();
        long start = System.nanoTime();

        int exitCode = frontend.run("run", "-m", "localhost:" + port,
                programJar(TestPrograms.NumbersProgram.class).toString());

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("http://localhost:" + port).contains("cannot be reached")
                .contains("bin/start-cluster.sh");
        assertThat(System.nanoTime() - start).as("fails within seconds").isLessThan(20_000_000_000L);
    }

    @Test
    void listAndCancelAgainstAClusterThatIsNotRunningFail() throws Exception {
        int port = freePort();

        assertThat(frontend.run("list", "-m", "localhost:" + port)).isEqualTo(1);
        assertThat(frontend.run("cancel", "-m", "localhost:" + port, "0123456789abcdef0123456789abcdef"))
                .isEqualTo(1);
        assertThat(err()).contains("Could not list the jobs").contains("Could not cancel job")
                .contains("cannot be reached");
    }

    @Test
    void cancelRejectsAMalformedJobId() {
        int exitCode = frontend.run("cancel", "not-a-job-id");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err()).contains("'not-a-job-id' is not a valid JobID");
    }

    @Test
    void aDataStreamProgramRunsUnderTheCli() throws Exception {
        int exitCode = frontend.run("run", "-t", "local", programJar(TestPrograms.StreamingSumProgram.class)
                .toString(), "5000");

        assertThat(exitCode).as(describe()).isZero();
        assertThat(out()).containsPattern("Job has been submitted with JobID [0-9a-f]{32}")
                .containsPattern("Job with JobID [0-9a-f]{32} has finished.");
    }

    @Test
    void infoShowsTheChainsOfADataStreamProgram() throws Exception {
        int exitCode = frontend.run("info", "-p", "2", programJar(TestPrograms.StreamingSumProgram.class).toString());

        assertThat(exitCode).as(describe()).isZero();
        assertThat(out()).contains("\"description\" : \"Source: Sequence Source -> Map\"")
                .contains("\"description\" : \"Keyed Aggregation -> Sink: Unnamed\"")
                .contains("\"parallelism\" : 2")
                .doesNotContain("Job has been submitted");
    }

    // ---- info ----

    @Test
    void infoPrintsThePlanWithoutRunningTheJob() throws Exception {
        int exitCode = frontend.run("info", "-p", "3", programJar(TestPrograms.NumbersProgram.class).toString());

        assertThat(exitCode).as(describe()).isZero();
        assertThat(out()).contains("----------------------- Execution Plan -----------------------")
                .contains("\"description\" : \"numbers\"")
                .contains("\"description\" : \"checking sink\"")
                .contains("\"parallelism\" : 3")
                .doesNotContain("Job has been submitted");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
