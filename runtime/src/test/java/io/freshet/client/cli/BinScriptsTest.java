package io.freshet.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.freshet.testutils.DistributionScripts;
import io.freshet.testutils.DistributionScripts.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the distribution's scripts ({@code bin/flink}, {@code bin/config.sh}) as real processes from
 * the repository root.
 *
 * <p>Tests run before the package phase fills {@code lib/}, so {@code bin/flink} gets its classpath
 * from {@code FRESHET_CLASSPATH} (this module's classes and the test classpath) instead.
 */
@DisabledOnOs(OS.WINDOWS)
class BinScriptsTest {

    private static final Path HOME = DistributionScripts.findDistributionHome();


    @TempDir Path temp;

    // ---- bin/flink ----

    @Test
    void flinkHelpPrintsUsage() throws Exception {
        Result result = runFlink(Map.of(), "--help");

        assertThat(result.exitCode).as(result.describe()).isZero();
        assertThat(result.stdout).startsWith("./flink <ACTION> [OPTIONS] [ARGUMENTS]").contains("Action \"run\"");
        assertThat(result.stderr).as(result.describe()).isEmpty();
    }

    @Test
    void flinkVersionPrintsVersionLine() throws Exception {
        Result result = runFlink(Map.of(), "--version");

        assertThat(result.exitCode).as(result.describe()).isZero();
        // From target/classes there is no manifest, so the version is <unknown>; from lib/ it is the project's.
        assertThat(result.stdout).matches("Version: \\S+\\R");
    }

    @Test
    void flinkLogsToFlinkLogDir() throws Exception {
        Path logDir = temp.resolve("logs");

        Result result = runFlink(Map.of("FLINK_LOG_DIR", logDir.toString()), "--version");

        assertThat(result.exitCode).as(result.describe()).isZero();
        Path clientLog = onlyFile(logDir);
        assertThat(clientLog.getFileName().toString()).startsWith("flink-").contains("-client-").endsWith(".log");
        assertThat(Files.readString(clientLog)).contains("CliFrontend").contains("called with action '--version'");
    }

    @Test
    void flinkPassesTheExitCodeOfAnInvalidAction() throws Exception {
        Result result = runFlink(Map.of(), "sumbit");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stdout).startsWith("\"sumbit\" is not a valid action.");
    }

    @Test
    void flinkWorksThroughASymlink() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("flink"), HOME.resolve("bin/flink"));

        Result result = run(flinkEnvironment(Map.of()), link.toString(), "--version");

        assertThat(result.exitCode).as(result.describe()).isZero();
        assertThat(result.stdout).startsWith("Version: ");
    }

    @Test
    void flinkWithoutJarsInLibSaysHowToBuildThem() throws Exception {
        Path emptyLib = Files.createDirectory(temp.resolve("lib"));
        Map<String, String> environment = baseEnvironment();
        environment.put("FLINK_LIB_DIR", emptyLib.toString());

        Result result = run(environment, "bin/flink", "--help");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stderr).contains("no jars in " + emptyLib).contains("mvn -DskipTests package");
    }

    // ---- config.sh: reading the configuration ----

    @Test
    void readsNestedKeysFromConfigYaml() throws Exception {
        Path conf = confDir();
        write(
                conf.resolve("config.yaml"),
                "# a comment",
                "env:",
                "  java:",
                "    opts:",
                "      all: -Xss2m -Dmark=a#b   # the comment goes, the # inside the value stays",
                "      jobmanager: \"-Dquoted=yes\"",
                "    opts.taskmanager: '-Dsingle=''quotes'''",
                "  log.dir: /var/log/freshet",
                "taskmanager.numberOfTaskSlots: 4",
                "taskmanager:",
                "  memory:",
                "    process:",
                "      size: 4g",
                "  host: tm-1",
                "state:",
                "  checkpoints:",
                "    dir: hdfs://namenode:8020/checkpoints",
                "parallelism:",
                "  default: 8");

        assertThat(readConfig(conf, "env.java.opts.all")).isEqualTo("-Xss2m -Dmark=a#b");
        assertThat(readConfig(conf, "env.java.opts.jobmanager")).isEqualTo("-Dquoted=yes");
        assertThat(readConfig(conf, "env.java.opts.taskmanager")).isEqualTo("-Dsingle='quotes'");
        assertThat(readConfig(conf, "env.log.dir")).isEqualTo("/var/log/freshet");
        assertThat(readConfig(conf, "taskmanager.numberOfTaskSlots")).isEqualTo("4");
        assertThat(readConfig(conf, "taskmanager.memory.process.size")).isEqualTo("4g");
        assertThat(readConfig(conf, "taskmanager.host")).isEqualTo("tm-1");
        assertThat(readConfig(conf, "state.checkpoints.dir")).isEqualTo("hdfs://namenode:8020/checkpoints");
        assertThat(readConfig(conf, "parallelism.default")).isEqualTo("8");
    }

    @Test
    void readsBlockScalarsFromConfigYaml() throws Exception {
        Path conf = confDir();
        write(
                conf.resolve("config.yaml"),
                "env:",
                "  java:",
                "    opts:",
                "      all: >-",
                "        -Xss2m",
                "        -XX:+UseG1GC",
                "rest:",
                "  port: 8082");

        assertThat(readConfig(conf, "env.java.opts.all")).isEqualTo("-Xss2m -XX:+UseG1GC");
        assertThat(readConfig(conf, "rest.port")).isEqualTo("8082");
    }

    @Test
    void readsFlatKeysFromLegacyFlinkConfYaml() throws Exception {
        Path conf = confDir();
        write(
                conf.resolve("flink-conf.yaml"),
                "# legacy format",
                "env.java.opts.all: -Xss4m # comment",
                "taskmanager.numberOfTaskSlots: 2",
                "taskmanager.numberOfTaskSlots: 3",
                "not a key value line");

        assertThat(readConfig(conf, "env.java.opts.all")).isEqualTo("-Xss4m");
        assertThat(readConfig(conf, "taskmanager.numberOfTaskSlots")).isEqualTo("3");
    }

    @Test
    void legacyFlinkConfYamlWinsOverConfigYaml() throws Exception {
        Path conf = confDir();
        write(conf.resolve("config.yaml"), "parallelism:", "  default: 2");
        write(conf.resolve("flink-conf.yaml"), "parallelism.default: 5");

        assertThat(readConfig(conf, "parallelism.default")).isEqualTo("5");
    }

    @Test
    void missingKeyGivesTheDefault() throws Exception {
        Path conf = confDir();
        write(conf.resolve("config.yaml"), "rest:", "  port: 8081");

        assertThat(evalWithConfig(conf, Map.of(), "read_config_value rest.address fallback-host"))
                .isEqualTo("fallback-host");
        assertThat(evalWithConfig(conf, Map.of(), "read_config_value rest")).isEmpty();
    }

    @Test
    void shippedConfigurationHasFlinksDefaults() throws Exception {
        Path conf = HOME.resolve("conf");

        assertThat(readConfig(conf, "jobmanager.rpc.address")).isEqualTo("localhost");
        assertThat(readConfig(conf, "jobmanager.rpc.port")).isEqualTo("6123");
        assertThat(readConfig(conf, "jobmanager.memory.process.size")).isEqualTo("1600m");
        assertThat(readConfig(conf, "taskmanager.memory.process.size")).isEqualTo("1728m");
        assertThat(readConfig(conf, "taskmanager.numberOfTaskSlots")).isEqualTo("1");
        assertThat(readConfig(conf, "parallelism.default")).isEqualTo("1");
        assertThat(readConfig(conf, "rest.port")).isEqualTo("8081");
        assertThat(readConfig(conf, "env.java.opts.all")).contains("--add-opens=java.base/java.lang=ALL-UNNAMED");
    }

    // ---- config.sh: directories, JVM options, java ----

    @Test
    void logDirComesFromEnvironmentThenConfigurationThenDefault() throws Exception {
        Path conf = confDir();
        write(conf.resolve("config.yaml"), "env:", "  log:", "    dir: /from/config");

        assertThat(evalWithConfig(conf, Map.of("FLINK_LOG_DIR", "/from/env"), "echo \"$FLINK_LOG_DIR\""))
                .isEqualTo("/from/env");
        assertThat(evalWithConfig(conf, Map.of(), "echo \"$FLINK_LOG_DIR\"")).isEqualTo("/from/config");

        Files.delete(conf.resolve("config.yaml"));
        assertThat(evalWithConfig(conf, Map.of(), "echo \"$FLINK_LOG_DIR\"")).isEqualTo(HOME.resolve("log").toString());
    }

    @Test
    void pidDirComesFromEnvironmentThenConfigurationThenTmp() throws Exception {
        Path conf = confDir();
        write(conf.resolve("flink-conf.yaml"), "env.pid.dir: /from/config");

        assertThat(evalWithConfig(conf, Map.of("FLINK_PID_DIR", "/from/env"), "echo \"$FLINK_PID_DIR\""))
                .isEqualTo("/from/env");
        assertThat(evalWithConfig(conf, Map.of(), "echo \"$FLINK_PID_DIR\"")).isEqualTo("/from/config");

        Files.delete(conf.resolve("flink-conf.yaml"));
        assertThat(evalWithConfig(conf, Map.of(), "echo \"$FLINK_PID_DIR\"")).isEqualTo("/tmp");
    }

    @Test
    void javaOptionsComeFromTheConfigurationPerRole() throws Exception {
        Path conf = confDir();
        write(
                conf.resolve("config.yaml"),
                "env:",
                "  java:",
                "    opts:",
                "      all: -Dall=1",
                "      jobmanager: -Djm=1",
                "      taskmanager: -Dtm=1",
                "      client: -Dcli=1");
        String print =
                "echo \"$FLINK_ENV_JAVA_OPTS|$FLINK_ENV_JAVA_OPTS_JM|$FLINK_ENV_JAVA_OPTS_TM|$FLINK_ENV_JAVA_OPTS_CLI\"";

        assertThat(evalWithConfig(conf, Map.of(), print)).isEqualTo("-Dall=1|-Djm=1|-Dtm=1|-Dcli=1");
        assertThat(evalWithConfig(conf, Map.of("FLINK_ENV_JAVA_OPTS", "-Denv=1"), print))
                .isEqualTo("-Denv=1|-Djm=1|-Dtm=1|-Dcli=1");
    }

    @Test
    void legacyJavaOptsKeyIsHonoured() throws Exception {
        Path conf = confDir();
        write(conf.resolve("flink-conf.yaml"), "env.java.opts: -Dlegacy=1");

        assertThat(evalWithConfig(conf, Map.of(), "echo \"$FLINK_ENV_JAVA_OPTS\"")).isEqualTo("-Dlegacy=1");
    }

    @Test
    void javaOptionsAreSplitAtWhitespaceWithoutGlobbing() throws Exception {
        Path conf = confDir();

        String words =
                evalWithConfig(
                        conf,
                        Map.of(),
                        "split_java_opts '-Da=1  -Db=*' $'-Dc=1\\n-Dd=1'; printf '<%s>' \"${JAVA_OPTS_ARRAY[@]}\"");

        assertThat(words).isEqualTo("<-Da=1><-Db=*><-Dc=1><-Dd=1>");
    }

    @Test
    void classpathHasLibJarsThenHadoopClasspath() throws Exception {
        Path lib = Files.createDirectory(temp.resolve("lib"));
        Files.createFile(lib.resolve("b.jar"));
        Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("notes.txt"));

        String classpath =
                evalWithConfig(
                        confDir(),
                        Map.of("FLINK_LIB_DIR", lib.toString(), "HADOOP_CLASSPATH", "/hadoop/*"),
                        "construct_classpath");

        assertThat(classpath).isEqualTo(lib.resolve("a.jar") + ":" + lib.resolve("b.jar") + ":/hadoop/*");
    }

    @Test
    void missingJavaFailsWithAClearMessage() throws Exception {
        Map<String, String> environment = baseEnvironment();
        environment.put("FLINK_CONF_DIR", confDir().toString());
        environment.put("JAVA_HOME", temp.resolve("no-such-jdk").toString());

        Result result = run(environment, "bash", "-c", "source bin/config.sh; echo unreachable");

        assertThat(result.exitCode).isEqualTo(1);
        assertThat(result.stdout).isEmpty();
        assertThat(result.stderr).contains("JAVA_HOME is set to").contains("Java 17");
    }

    @Test
    void javaOlderThan17GivesAWarning() throws Exception {
        Path oldJdk = temp.resolve("jdk-11");
        Files.createDirectories(oldJdk.resolve("bin"));
        write(oldJdk.resolve("release"), "JAVA_VERSION=\"11.0.2\"");
        Path java = oldJdk.resolve("bin/java");
        write(java, "#!/bin/sh", "exit 0");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Map<String, String> environment = baseEnvironment();
        environment.put("FLINK_CONF_DIR", confDir().toString());
        environment.put("JAVA_HOME", oldJdk.toString());

        Result result = run(environment, "bash", "-c", "source bin/config.sh; echo \"$JAVA_RUN\"");

        assertThat(result.exitCode).isZero();
        assertThat(result.stdout.strip()).isEqualTo(java.toString());
        assertThat(result.stderr).contains("Warning: Freshet needs Java 17 or newer").contains("Java 11");
    }

    @Test
    void scriptsPassShellcheck() throws Exception {
        assumeTrue(
                run(baseEnvironment(), "bash", "-c", "command -v shellcheck").exitCode == 0,
                "shellcheck is not installed");

        Result result = run(baseEnvironment(), "shellcheck", "-x", "bin/flink", "bin/config.sh");

        assertThat(result.exitCode).as(result.describe()).isZero();
    }

    // ---- helpers ----


    private Result runFlink(Map<String, String> extraEnvironment, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("bin/flink");
        command.addAll(List.of(args));
        return run(flinkEnvironment(extraEnvironment), command.toArray(new String[0]));
    }

    private Map<String, String> flinkEnvironment(Map<String, String> extraEnvironment) throws Exception {
        Map<String, String> environment = baseEnvironment();
        environment.put("FRESHET_CLASSPATH", testClasspath());
        environment.put("FLINK_LOG_DIR", temp.resolve("log").toString());
        environment.putAll(extraEnvironment);
        return environment;
    }

    /** The environment of every script run: this JVM's java, no FLINK_* settings of the caller's shell. */
    private static Map<String, String> baseEnvironment() {
        return DistributionScripts.baseEnvironment();
    }

    /** This module's classes, then the classpath of the test (Surefire's, or the IDE's). */
    private static String testClasspath() {
        return DistributionScripts.testClasspath(CliFrontend.class);
    }

    private Path confDir() throws IOException {
        Path conf = temp.resolve("conf");
        Files.createDirectories(conf);
        return conf;
    }

    private String readConfig(Path confDir, String key) throws Exception {
        return evalWithConfig(confDir, Map.of(), "read_config_value '" + key + "'");
    }

    /** Sources bin/config.sh in strict mode with the given configuration directory, runs {@code script}. */
    private String evalWithConfig(Path confDir, Map<String, String> extraEnvironment, String script)
            throws Exception {
        Map<String, String> environment = baseEnvironment();
        environment.put("FLINK_CONF_DIR", confDir.toString());
        environment.putAll(extraEnvironment);

        Result result = run(environment, "bash", "-c", "set -euo pipefail; source bin/config.sh; " + script);

        assertThat(result.exitCode).as(result.describe()).isZero();
        assertThat(result.stderr).as(result.describe()).isEmpty();
        return result.stdout.endsWith("\n") ? result.stdout.substring(0, result.stdout.length() - 1) : result.stdout;
    }

    private Result run(Map<String, String> environment, String... command) throws Exception {
        return DistributionScripts.run(HOME, temp, environment, command);
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    private static Path onlyFile(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> all = files.toList();
            assertThat(all).as("files in %s", directory).hasSize(1);
            return all.get(0);
        }
    }
}
