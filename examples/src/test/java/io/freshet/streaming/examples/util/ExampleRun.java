package io.freshet.streaming.examples.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.freshet.testutils.DistributionScripts;
import io.freshet.testutils.TestJars;

/**
 * Runs an example as a user does, {@code bin/flink run -t local [-p n] <jar> <args>}, in a separate process: the
 * jar names the example's main class, its classes come from this module's class path (the jars under
 * {@code examples/streaming/} are packaged only after the tests).
 */
public final class ExampleRun {

    private final DistributionScripts scripts;
    private final Path jarDirectory;

    public ExampleRun(Path temp) throws IOException {
        this.scripts = new DistributionScripts(Files.createDirectories(temp.resolve("script-output")), ExampleRun.class)
                .with("FLINK_LOG_DIR", Files.createDirectories(temp.resolve("log")).toString());
        this.jarDirectory = Files.createDirectories(temp.resolve("jars"));
    }

    /** Starts the example without waiting for it. */
    public DistributionScripts.Started start(Class<?> example, int parallelism, String... args) throws IOException {
        return scripts.start(command(example, parallelism, args));
    }

    /** Runs the example to its end and checks that it succeeded. */
    public DistributionScripts.Result run(Class<?> example, int parallelism, String... args) throws Exception {
        DistributionScripts.Result result = scripts.run(command(example, parallelism, args));
        assertThat(result.exitCode).as(result.describe()).isZero();
        assertThat(result.stdout).as(result.describe()).containsPattern("Job with JobID [0-9a-f]{32} has finished.");
        return result;
    }

    /** Runs the example at parallelism 1 and checks that it failed. */
    public DistributionScripts.Result runExpectingFailure(Class<?> example, String... args) throws Exception {
        DistributionScripts.Result result = scripts.run(command(example, 1, args));
        assertThat(result.exitCode).as(result.describe()).isNotZero();
        return result;
    }

    /** Runs a program that ends without running a job (it explains its arguments, say). */
    public DistributionScripts.Result runWithoutJob(Class<?> example, String... args) throws Exception {
        return scripts.run(command(example, 1, args));
    }

    private String[] command(Class<?> example, int parallelism, String... args) throws IOException {
        Path jar = TestJars.manifestOnlyJar(jarDirectory, example);
        List<String> command = new ArrayList<>(List.of("bin/flink", "run", "-t", "local", "-p",
                String.valueOf(parallelism), jar.toString()));
        command.addAll(List.of(args));
        return command.toArray(new String[0]);
    }

    /** The lines of standard output that are records: those that start with {@code (}. */
    public static List<String> recordLines(String stdout) {
        List<String> records = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.startsWith("(")) {
                records.add(line);
            }
        }
        return records;
    }

    /** Every line of every file in {@code directory}. */
    public static List<String> linesOfDirectory(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                lines.addAll(Files.readAllLines(file));
            }
        }
        return lines;
    }
}
