package io.freshet.yarn;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.freshet.configuration.Configuration;
import io.freshet.testutils.DistributionScripts;

/**
 * The distribution's scripts pointed at the mini clusters: a HADOOP_CONF_DIR written from their configuration, a conf
 * directory with the small-cluster settings ({@link YarnTestUtils#smallCluster()}) and the distribution's Log4j files,
 * lib/ without this module's jar, logs and the YARN properties file under the test's directory.
 */
final class YarnDistribution {

    private static final Pattern APPLICATION_ID = Pattern.compile("application_\\d+_\\d+");
    private static final Pattern JOB_ID = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

    private final Path directory;
    private final DistributionScripts scripts;
    private final DistributionScripts scriptsWithoutHadoopConfiguration;

    YarnDistribution(MiniYarnAndDfs clusters, Path directory, Map<String, String> settings) throws IOException {
        this(writeHadoopConfiguration(clusters, directory.resolve("hadoop-conf")), directory, settings);
    }

    private static Path writeHadoopConfiguration(MiniYarnAndDfs clusters, Path hadoopConf) throws IOException {
        Files.createDirectories(hadoopConf);
        try (OutputStream out = Files.newOutputStream(hadoopConf.resolve("yarn-site.xml"))) {
            clusters.yarnConfiguration().writeXml(out);
        }
        return hadoopConf;
    }

    /** @param hadoopConf the HADOOP_CONF_DIR of the scripts */
    YarnDistribution(Path hadoopConf, Path directory, Map<String, String> settings) throws IOException {
        this.directory = Files.createDirectories(directory);
        Path conf = Files.createDirectories(directory.resolve("conf"));
        Path home = DistributionScripts.findDistributionHome();
        for (String file : List.of("log4j2.properties", "log4j-cli.properties", "log4j-console.properties")) {
            Files.copy(home.resolve("conf").resolve(file), conf.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Configuration configuration = YarnTestUtils.smallCluster();
        Map<String, String> all = new LinkedHashMap<>(configuration.toMap());
        all.put("yarn.properties-file.location", directory.toString());
        all.putAll(settings);
        ObjectMapper json = new ObjectMapper();
        try (Writer writer = Files.newBufferedWriter(conf.resolve("config.yaml"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> entry : all.entrySet()) {
                writer.write(json.writeValueAsString(entry.getKey()) + ": " + json.writeValueAsString(entry.getValue())
                        + "\n");
            }
        }
        scriptsWithoutHadoopConfiguration = new DistributionScripts(
                Files.createDirectories(directory.resolve("script-output")), YarnDistribution.class)
                .with("FLINK_CONF_DIR", conf.toString())
                .with("FLINK_LIB_DIR", YarnTestUtils.libDirectory(directory).toString())
                .with("FLINK_LOG_DIR", directory.resolve("log").toString());
        scripts = new DistributionScripts(directory.resolve("script-output"), YarnDistribution.class)
                .with("FLINK_CONF_DIR", conf.toString())
                .with("FLINK_LIB_DIR", directory.resolve("lib").toString())
                .with("FLINK_LOG_DIR", directory.resolve("log").toString())
                .with("FLINK_PID_DIR", directory.toString())
                .with("HADOOP_CONF_DIR", hadoopConf.toString());
    }

    DistributionScripts scripts() {
        return scripts;
    }

    /** The same scripts without HADOOP_CONF_DIR: no Hadoop configuration names the YARN cluster. */
    DistributionScripts scriptsWithoutHadoopConfiguration() {
        return scriptsWithoutHadoopConfiguration;
    }

    Path directory() {
        return directory;
    }

    Path propertiesFile() {
        return directory.resolve(".yarn-properties-" + System.getProperty("user.name"));
    }

    static String applicationId(String output) {
        Matcher matcher = APPLICATION_ID.matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("No application id in:\n" + output);
        }
        return matcher.group();
    }

    static String jobId(String output) {
        Matcher matcher = JOB_ID.matcher(output);
        if (!matcher.find()) {
            throw new AssertionError("No job id in:\n" + output);
        }
        return matcher.group(1);
    }
}
