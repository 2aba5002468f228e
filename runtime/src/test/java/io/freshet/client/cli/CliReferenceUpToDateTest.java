package io.freshet.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.freshet.testutils.DistributionScripts;

/**
 * Fails when {@code docs/reference/cli.md} differs from what {@link CliReferenceGenerator} renders from the CLI's own
 * option definitions; {@code -Dfreshet.docs.regenerate=true} rewrites it instead.
 */
class CliReferenceUpToDateTest {

    @Test
    void committedCliReferenceMatchesTheOptionDefinitions() throws IOException {
        Path home = new DistributionScripts(Files.createTempDirectory("cli-doc"), CliFrontend.class).getHome();
        Path committed = home.resolve(CliReferenceGenerator.OUTPUT_PATH);
        String expected = CliReferenceGenerator.generate();
        if (Boolean.getBoolean("freshet.docs.regenerate")) {
            Files.writeString(committed, expected, StandardCharsets.UTF_8);
        }

        String actual = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";

        assertThat(actual).as("%s is out of date with CliAction; regenerate it with%n  mvn -B -q -ntp -pl runtime -am"
                + " test -Dtest=CliReferenceUpToDateTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dfreshet.docs.regenerate=true", committed).isEqualTo(expected);
        assertThat(expected).contains("## run", "`-p,--parallelism <parallelism>`", "`-m,--jobmanager <host:port>`",
                "## list", "`-a,--all`", "## cancel");
    }
}
