package io.freshet.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalConfigurationTest {

    @TempDir
    Path confDir;

    private static final Map<String, String> NO_ENVIRONMENT = Map.of();

    private Path write(String fileName, String... lines) throws IOException {
        Path file = confDir.resolve(fileName);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Configuration load() {
        return GlobalConfiguration.loadConfiguration(confDir.toString());
    }

    // ---- config.yaml ----

    @Test
    void nestedYamlFlattensToDottedKeys() throws IOException {
        write("config.yaml",
                "taskmanager:",
                "  numberOfTaskSlots: 4",
                "  memory:",
                "    process.size: 2 gb",
                "parallelism.default: 3");

        Configuration configuration = load();

        assertThat(configuration.keySet())
                .containsExactlyInAnyOrder("taskmanager.numberOfTaskSlots", "taskmanager.memory.process.size",
                        "parallelism.default");
        assertThat(configuration.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
        assertThat(configuration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY)).isEqualTo(MemorySize.parse("2 gb"));
        assertThat(configuration.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(3);
    }

    @Test
    void nestedAndDottedYamlKeysAreEquivalent() throws IOException {
        write("config.yaml", "taskmanager:", "  numberOfTaskSlots: 4");
        Configuration nested = load();
        write("config.yaml", "taskmanager.numberOfTaskSlots: 4");
        Configuration dotted = load();

        assertThat(nested).isEqualTo(dotted);
    }

    @Test
    void yamlListsAreKeptAsLists() throws IOException {
        write("config.yaml",
                "pipeline:",
                "  jars:",
                "    - file:///a.jar",
                "    - file:///b.jar",
                "  classpaths: [file:///c.jar]");

        Configuration configuration = load();

        assertThat(configuration.get(PipelineOptions.JARS)).containsExactly("file:///a.jar", "file:///b.jar");
        assertThat(configuration.get(PipelineOptions.CLASSPATHS)).containsExactly("file:///c.jar");
    }

    @Test
    void yamlDurationsAndBooleansConvertToOptionTypes() throws IOException {
        write("config.yaml",
                "heartbeat.timeout: 2 min",
                "heartbeat.interval: 500",
                "pipeline.object-reuse: true",
                "execution.checkpointing.interval: 30 s");

        Configuration configuration = load();

        assertThat(configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofMinutes(2));
        assertThat(configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(configuration.get(PipelineOptions.OBJECT_REUSE)).isTrue();
        assertThat(configuration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void wrongTypedYamlValueNamesKeyFileAndLine() throws IOException {
        Path file = write("config.yaml",
                "# slots",
                "taskmanager:",
                "  numberOfTaskSlots: four");

        Configuration configuration = load();

        assertThatThrownBy(() -> configuration.get(TaskManagerOptions.NUM_TASK_SLOTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'taskmanager.numberOfTaskSlots'")
                .hasMessageContaining("'four'")
                .hasMessageContaining("Integer")
                .hasMessageContaining(file.toAbsolutePath().normalize() + " line 3");
    }

    @Test
    void validationReportsEveryBadValueWithKeyFileAndLineBeforeAnythingReadsThem() throws IOException {
        Path file = write("config.yaml",
                "taskmanager:",
                "  numberOfTaskSlots: four",
                "  memory:",
                "    managed:",
                "      size: 64 parsecs",
                "parallelism.default: 2");
        Configuration configuration = load();

        assertThatThrownBy(() -> KnownOptions.validate(configuration, getClass().getClassLoader()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("2 configuration values are invalid")
                .hasMessageContaining("'taskmanager.numberOfTaskSlots'")
                .hasMessageContaining(file.toAbsolutePath().normalize() + " line 2")
                .hasMessageContaining("'taskmanager.memory.managed.size'")
                .hasMessageContaining("parsecs")
                .hasMessageContaining(file.toAbsolutePath().normalize() + " line 5");
    }

    @Test
    void validationAcceptsAGoodConfiguration() throws IOException {
        write("config.yaml",
                "taskmanager.numberOfTaskSlots: 4",
                "taskmanager.memory.managed.size: 64m",
                "heartbeat.timeout: 10 s",
                "some.unknown.key: whatever");

        KnownOptions.validate(load(), getClass().getClassLoader());
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path file = write("config.yaml",
                "parallelism.default: 2",
                "taskmanager:",
                "  numberOfTaskSlots: 4",
                " rest.port: [8081");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(file.toAbsolutePath().normalize().toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("Fix the syntax");
    }

    @Test
    void duplicateYamlKeyIsRejectedWithBothLines() throws IOException {
        write("config.yaml",
                "taskmanager.numberOfTaskSlots: 2",
                "taskmanager:",
                "  numberOfTaskSlots: 4");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'taskmanager.numberOfTaskSlots' twice, on line 1 and on line 3");
    }

    @Test
    void yamlKeyWithoutValueIsRejected() throws IOException {
        write("config.yaml", "parallelism.default: 2", "rest.address:");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("no value for key 'rest.address'");
    }

    @Test
    void yamlWhoseTopLevelIsNotAMappingIsRejected() throws IOException {
        write("config.yaml", "- a", "- b");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("mapping");
    }

    @Test
    void emptyYamlFileGivesEmptyConfiguration() throws IOException {
        write("config.yaml", "# nothing configured yet");

        assertThat(load().keySet()).isEmpty();
    }

    @Test
    void legacyFileIsPreferredOverConfigYamlAsInFlink() throws IOException {
        write("config.yaml", "parallelism.default: 2");
        write("flink-conf.yaml", "parallelism.default: 7");

        assertThat(load().get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(7);
    }

    // ---- legacy flink-conf.yaml ----

    @Test
    void legacyFlatFileIsReadWithCommentsAndBlankLines() throws IOException {
        write("flink-conf.yaml",
                "# JobManager",
                "jobmanager.rpc.address: jm-host   # the host",
                "",
                "   jobmanager.rpc.port: 6124",
                "state.checkpoints.dir: hdfs://namenode:8020/checkpoints",
                "env.java.opts.all: -XX:+UseG1GC -Dkey=value",
                "pipeline.jars: file:///a.jar;file:///b.jar");

        Configuration configuration = load();

        assertThat(configuration.get(JobManagerOptions.ADDRESS)).isEqualTo("jm-host");
        assertThat(configuration.get(JobManagerOptions.PORT)).isEqualTo(6124);
        assertThat(configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("hdfs://namenode:8020/checkpoints");
        assertThat(configuration.get(CoreOptions.FLINK_JVM_OPTIONS)).isEqualTo("-XX:+UseG1GC -Dkey=value");
        assertThat(configuration.get(PipelineOptions.JARS)).containsExactly("file:///a.jar", "file:///b.jar");
        assertThat(configuration.keySet()).hasSize(5);
    }

    @Test
    void legacyValuesAreNotYamlInterpreted() throws IOException {
        write("flink-conf.yaml", "pipeline.name: 'quoted'");

        assertThat(load().get(PipelineOptions.NAME)).isEqualTo("'quoted'");
    }

    @Test
    void legacyDuplicateKeyTakesTheLastValue() throws IOException {
        write("flink-conf.yaml", "parallelism.default: 2", "parallelism.default: 5");

        assertThat(load().get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(5);
    }

    @Test
    void wrongTypedLegacyValueNamesKeyFileAndLine() throws IOException {
        Path file = write("flink-conf.yaml",
                "jobmanager.rpc.address: localhost",
                "",
                "# slots per TaskManager",
                "taskmanager.numberOfTaskSlots: four");

        Configuration configuration = load();

        assertThatThrownBy(() -> configuration.get(TaskManagerOptions.NUM_TASK_SLOTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'taskmanager.numberOfTaskSlots'")
                .hasMessageContaining("'four'")
                .hasMessageContaining("expected Integer")
                .hasMessageContaining("in " + file.toAbsolutePath().normalize() + " line 4");
    }

    @Test
    void legacyLineWithoutColonNamesFileAndLine() throws IOException {
        Path file = write("flink-conf.yaml", "parallelism.default: 2", "taskmanager.numberOfTaskSlots 4");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(file.toAbsolutePath().normalize() + " line 2")
                .hasMessageContaining("'taskmanager.numberOfTaskSlots 4'")
                .hasMessageContaining("key: value");
    }

    @Test
    void legacyLineWithColonButNoSpaceIsRejected() throws IOException {
        write("flink-conf.yaml", "parallelism.default:2");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("a colon followed by a space");
    }

    @Test
    void legacyLineWithEmptyValueIsRejected() throws IOException {
        write("flink-conf.yaml", "rest.address:   # to be filled in");

        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("no value for key 'rest.address'");
    }

    // ---- dynamic properties, fallback keys ----

    @Test
    void dynamicPropertiesWinOverTheFile() throws IOException {
        write("config.yaml", "parallelism.default: 2", "taskmanager.numberOfTaskSlots: 4");

        Configuration configuration = GlobalConfiguration.loadConfiguration(
                confDir.toString(), Map.of("parallelism.default", "8", "pipeline.name", "job"));

        assertThat(configuration.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(8);
        assertThat(configuration.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(4);
        assertThat(configuration.get(PipelineOptions.NAME)).isEqualTo("job");
    }

    @Test
    void typedDynamicPropertiesKeepTheirTypeAndWin() throws IOException {
        write("flink-conf.yaml", "heartbeat.timeout: 1 min");
        Configuration dynamic = new Configuration().set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT,
                Duration.ofSeconds(5));

        Configuration configuration = GlobalConfiguration.loadConfiguration(confDir.toString(), dynamic);

        assertThat(configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void wrongTypedDynamicPropertyIsReportedAsSuch() throws IOException {
        write("config.yaml", "taskmanager.numberOfTaskSlots: 4");

        Configuration configuration = GlobalConfiguration.loadConfiguration(
                confDir.toString(), Map.of("taskmanager.numberOfTaskSlots", "many"));

        assertThatThrownBy(() -> configuration.get(TaskManagerOptions.NUM_TASK_SLOTS))
                .hasMessageContaining("'many'")
                .hasMessageContaining("dynamic properties (-D)");
    }

    @Test
    void deprecatedKeyInFileIsReadAndNewKeyWinsWhenBothAreSet() throws IOException {
        write("flink-conf.yaml", "state.backend: hashmap", "restart-strategy: fixed-delay");
        Configuration onlyOld = load();

        assertThat(onlyOld.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(onlyOld.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");

        write("flink-conf.yaml", "restart-strategy: fixed-delay", "restart-strategy.type: exponential-delay");
        assertThat(load().get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    }

    @Test
    void nestedYamlWithOldAndNewKeysPrefersNewKey() throws IOException {
        write("config.yaml",
                "state:",
                "  checkpoints.dir: hdfs:///old",
                "execution:",
                "  checkpointing:",
                "    dir: hdfs:///new");

        assertThat(load().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("hdfs:///new");
    }

    // ---- locating the directory ----

    @Test
    void confDirIsTakenFromFlinkConfDirWhenNoArgumentIsGiven() throws IOException {
        write("config.yaml", "parallelism.default: 6");

        Configuration configuration = GlobalConfiguration.loadConfiguration(
                null, new Configuration(), Map.of("FLINK_CONF_DIR", confDir.toString())::get);

        assertThat(configuration.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(6);
    }

    @Test
    void argumentWinsOverFlinkConfDir(@TempDir Path otherDir) throws IOException {
        write("config.yaml", "parallelism.default: 6");
        Files.writeString(otherDir.resolve("config.yaml"), "parallelism.default: 9\n");

        Configuration configuration = GlobalConfiguration.loadConfiguration(
                confDir.toString(), new Configuration(), Map.of("FLINK_CONF_DIR", otherDir.toString())::get);

        assertThat(configuration.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(6);
    }

    @Test
    void missingExplicitConfDirIsReportedWithWhatToDo() {
        Path missing = confDir.resolve("does-not-exist");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(missing.toString()))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining(missing.toAbsolutePath().normalize().toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("config.yaml or flink-conf.yaml");
    }

    @Test
    void missingFlinkConfDirNamesTheEnvironmentVariable() {
        Path missing = confDir.resolve("nowhere");

        assertThatThrownBy(() -> GlobalConfiguration.loadConfiguration(
                        null, new Configuration(), Map.of("FLINK_CONF_DIR", missing.toString())::get))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("FLINK_CONF_DIR")
                .hasMessageContaining("does not exist")
                .hasMessageContaining("unset it");
    }

    @Test
    void confDirWithoutConfigurationFileIsReported() {
        assertThatThrownBy(this::load)
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("neither config.yaml nor flink-conf.yaml")
                .hasMessageContaining("an empty file is fine");
    }

    @Test
    void withoutArgumentEnvironmentOrConfDirOnlyDynamicPropertiesApply() {
        // The working directory of the tests (the module directory) has no conf/ subdirectory.
        Configuration configuration = GlobalConfiguration.loadConfiguration(
                null, Configuration.fromMap(Map.of("pipeline.name", "x")), NO_ENVIRONMENT::get);

        assertThat(configuration.toMap()).containsOnly(Map.entry("pipeline.name", "x"));
    }

    // ---- secrets ----

    @Test
    void sensitiveKeysAreRecognised() {
        assertThat(List.of("s3.access-key", "s3.secret-key", "security.ssl.internal.key-password",
                        "fs.azure.account.key.acct.blob.core.windows.net", "metrics.reporter.x.http-headers",
                        "security.kerberos.login.keytab-password", "my.apiKey", "zookeeper.sasl.jaas.config",
                        "kafka.auth.token", "db.Password"))
                .allMatch(GlobalConfiguration::isSensitive);
        assertThat(List.of("security.ssl.keystore", "high-availability.cluster-id", "taskmanager.numberOfTaskSlots",
                        "pipeline.registered-kryo-types", "state.backend.type"))
                .noneMatch(GlobalConfiguration::isSensitive);
    }
}
