package io.freshet.yarn.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import io.freshet.configuration.Configuration;
import io.freshet.yarn.configuration.YarnConfigOptions;

/**
 * The file {@code .yarn-properties-<user>} in which {@code bin/yarn-session.sh} remembers the application id of the
 * session it started ({@code applicationID=...}, Flink's key), so that the next {@code bin/flink run -t yarn-session}
 * finds it. It lives in {@code yarn.properties-file.location}, else in {@code java.io.tmpdir}.
 */
public final class YarnPropertiesFile {

    static final String APPLICATION_ID_KEY = "applicationID";

    private final Path file;

    public YarnPropertiesFile(Configuration configuration) {
        String directory = configuration.getOptional(YarnConfigOptions.PROPERTIES_FILE_LOCATION)
                .orElse(System.getProperty("java.io.tmpdir"));
        this.file = Paths.get(directory, ".yarn-properties-" + System.getProperty("user.name"));
    }

    public Path getPath() {
        return file;
    }

    /** The remembered application id, if the file exists and has one. */
    public Optional<String> readApplicationId() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return Optional.ofNullable(properties.getProperty(APPLICATION_ID_KEY)).map(String::trim)
                .filter(id -> !id.isEmpty());
    }

    /** Remembers {@code applicationId}; written to a temporary file and renamed, so readers never see half. */
    public void writeApplicationId(String applicationId) throws IOException {
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.setProperty(APPLICATION_ID_KEY, applicationId);
        Path temporary = Files.createTempFile(file.getParent(), ".yarn-properties", ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "The YARN session started last by bin/yarn-session.sh");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forgets the session, if the file names {@code applicationId}. */
    public void deleteIfFor(String applicationId) throws IOException {
        if (readApplicationId().filter(applicationId::equals).isPresent()) {
            Files.deleteIfExists(file);
        }
    }
}
