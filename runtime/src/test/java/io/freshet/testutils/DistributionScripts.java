package io.freshet.testutils;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the distribution's scripts ({@code bin/...}) as real processes from the repository root, with this JVM's
 * java and, instead of the jars of {@code lib/} (filled only by the package phase), the test's own classpath
 * ({@code FRESHET_CLASSPATH}); no {@code FLINK_*} setting of the caller's shell leaks in.
 */
public final class DistributionScripts {

    /** Variables of the surrounding shell that would change what the scripts or the JVM do. */
    private static final List<String> SCRIPT_VARIABLES = List.of("FLINK_CONF_DIR", "FLINK_LOG_DIR", "FLINK_PID_DIR",
            "FLINK_LIB_DIR", "FLINK_IDENT_STRING", "FLINK_ENV_JAVA_OPTS", "FLINK_ENV_JAVA_OPTS_JM",
            "FLINK_ENV_JAVA_OPTS_TM", "FLINK_ENV_JAVA_OPTS_CLI", "FRESHET_CLASSPATH", "HADOOP_CLASSPATH",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Path home = findDistributionHome();
    private final Path outputDirectory;
    private final Map<String, String> environment = baseEnvironment();

    /** @param outputDirectory where the scripts' stdout and stderr are kept */
    public DistributionScripts(Path outputDirectory, Class<?> classInModule) {
        this.outputDirectory = outputDirectory;
        environment.put("FRESHET_CLASSPATH", testClasspath(classInModule));
    }

    /** The caller's environment without any FLINK_* (or JVM option) setting, with this JVM's java. */
    public static Map<String, String> baseEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        SCRIPT_VARIABLES.forEach(environment::remove);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return environment;
    }

    public DistributionScripts with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public Path getHome() {
        return home;
    }

    /** Runs {@code command} (the first word relative to the distribution home) and waits up to two minutes. */
    public Result run(String... command) throws IOException, InterruptedException {
        return run(home, outputDirectory, environment, command);
    }

    /** Starts {@code command} without waiting for it; {@link Started#await()} collects its result. */
    public Started start(String... command) throws IOException {
        return start(home, outputDirectory, environment, command);
    }

    /** Runs {@code command} in {@code home} with exactly {@code environment}; waits up to two minutes. */
    public static Result run(Path home, Path outputDirectory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        return start(home, outputDirectory, environment, command).await();
    }

    private static Started start(Path home, Path outputDirectory, Map<String, String> environment, String... command)
            throws IOException {
        Path stdout = Files.createTempFile(outputDirectory, "stdout", ".txt");
        Path stderr = Files.createTempFile(outputDirectory, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return new Started(String.join(" ", command), builder.start(), stdout, stderr);
    }

    /** A script that was started and may still run. */
    public static final class Started {
        private final String command;
        private final Process process;
        private final Path stdout;
        private final Path stderr;

        Started(String command, Process process, Path stdout, Path stderr) {
            this.command = command;
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** What it printed so far. */
        public String stdoutSoFar() throws IOException {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        }

        /** Waits up to two minutes for its end (then kills it and fails). */
        public Result await() throws IOException, InterruptedException {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within two minutes; it printed:\n"
                        + Files.readString(stdout, StandardCharsets.UTF_8) + "\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }

    /** The module's classes, then the classpath of the test (Surefire's, or the IDE's). */
    public static String testClasspath(Class<?> classInModule) {
        try {
            Path classes = Paths.get(classInModule.getProtectionDomain().getCodeSource().getLocation().toURI());
            String testClasspath = System.getProperty("surefire.test.class.path",
                    System.getProperty("java.class.path"));
            return classes + File.pathSeparator + testClasspath;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository root, which is the distribution home: the nearest ancestor holding bin/config.sh. */
    public static Path findDistributionHome() {
        Path directory = Paths.get("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("bin/config.sh"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("no bin/config.sh above " + Paths.get("").toAbsolutePath());
    }

    /** What a script printed and how it ended. */
    public static final class Result {
        public final int exitCode;
        public final String stdout;
        public final String stderr;

        public Result(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public String describe() {
            return "exit code " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }
}
