package io.freshet.yarn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.freshet.testutils.DistributionScripts;
import io.freshet.testutils.DistributionScripts.Result;

/**
 * {@code bin/mini-yarn.sh}: the YARN sandbox starts in the background, its HADOOP_CONF_DIR serves
 * {@code bin/yarn-session.sh}, and {@code stop} ends it.
 */
class MiniYarnScriptITCase {

    @Test
    void sandboxServesAYarnSessionAndStops() throws Exception {
        Path directory = Paths.get("target/MiniYarnScriptITCase").toAbsolutePath();
        Path sandbox = directory.resolve("sandbox");
        YarnDistribution distribution = new YarnDistribution(sandbox.resolve("hadoop-conf"), directory, Map.of());
        DistributionScripts scripts = distribution.scripts();

        Result start = scripts.run("bin/mini-yarn.sh", "start", sandbox.toString());
        try {
            assertThat(start.exitCode).as(start.describe()).isZero();
            assertThat(start.stdout).contains("export HADOOP_CONF_DIR=" + sandbox.toRealPath().resolve("hadoop-conf"));
            Result again = scripts.run("bin/mini-yarn.sh", "start", sandbox.toString());
            assertThat(again.exitCode).isEqualTo(1);
            assertThat(again.stderr).contains("already runs");

            Result session = scripts.run("bin/yarn-session.sh", "-d");
            assertThat(session.exitCode).as(session.describe()).isZero();
            String applicationId = YarnDistribution.applicationId(session.stdout);
            Result stop = scripts.run("bash", "-c", "echo stop | bin/yarn-session.sh -id " + applicationId);
            assertThat(stop.exitCode).as(stop.describe()).isZero();
            assertThat(stop.stdout).contains("final status SUCCEEDED");
        } finally {
            Result stop = scripts.run("bin/mini-yarn.sh", "stop");
            assertThat(stop.exitCode).as(stop.describe()).isZero();
        }
        assertThat(Files.list(directory).filter(f -> f.getFileName().toString().endsWith("mini-yarn.pid")))
                .isEmpty();
    }
}
