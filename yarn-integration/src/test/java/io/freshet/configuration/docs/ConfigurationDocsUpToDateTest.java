package io.freshet.configuration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Fails when {@code docs/reference/configuration.md} differs from what the option classes generate.
 * Running it with {@code -Dfreshet.docs.regenerate=true} rewrites the file instead.
 *
 * <p>It lives in the module that sees the option classes of every other module (each lists its own in
 * {@code META-INF/freshet/config-option-classes}): yarn-integration depends on runtime and hdfs-checkpoints; move it
 * up when a module with options is added above.
 */
class ConfigurationDocsUpToDateTest {

    private static final String REGENERATE_PROPERTY = "freshet.docs.regenerate";

    @Test
    void committedConfigurationReferenceMatchesOptionDefinitions() throws IOException {
        ConfigurationDocGenerator generator = new ConfigurationDocGenerator(getClass().getClassLoader());
        Path root = findRepositoryRoot();
        Path committed = root.resolve(ConfigurationDocGenerator.OUTPUT_PATH);

        if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
            generator.writeTo(root);
        }

        String expected = generator.generate();
        String actual = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as("%s is out of date with the ConfigOption definitions. Regenerate it with%n"
                        + "  mvn -B -o verify -pl api,runtime,hdfs-checkpoints,yarn-integration"
                        + " -Dtest=ConfigurationDocsUpToDateTest"
                        + " -Dsurefire.failIfNoSpecifiedTests=false -D%s=true%n"
                        + "and commit the result.", committed, REGENERATE_PROPERTY)
                .isEqualTo(expected);
    }

    @Test
    void everyListedOptionClassContributesASection() {
        String generated = new ConfigurationDocGenerator(getClass().getClassLoader()).generate();

        assertThat(generated)
                .contains("## CoreOptions", "## TaskManagerOptions", "## HighAvailabilityOptions")
                .contains("| `taskmanager.numberOfTaskSlots` | 1 | Integer |")
                .contains("| `taskmanager.memory.segment-size` | 32 kb | MemorySize |")
                .contains("| `heartbeat.timeout` | 50 s | Duration |")
                .contains("Deprecated keys: `state.checkpoints.dir`")
                .contains("Fallback keys: `rest.port`")
                .contains("## YarnConfigOptions", "| `yarn.application.queue` |", "## HadoopFileSystemOptions");
        assertThat(generated.split("\\| `state.backend.type` \\|", -1)).hasSize(2);
    }

    /** Walks up from the working directory to the directory that has {@code docs/} or the reactor's root pom. */
    private static Path findRepositoryRoot() throws IOException {
        Path start = Paths.get("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with docs/ or a root pom.xml above " + start
                + "; run the test from inside the repository.");
    }
}
