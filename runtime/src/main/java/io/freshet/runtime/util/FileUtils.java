package io.freshet.runtime.util;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for the JobManager's and TaskManager's working directories. */
public final class FileUtils {

    private FileUtils() {}

    /**
     * The local file a job's jar names: a {@code file:} URL or a plain path.
     *
     * @throws IOException naming the jar when it is neither
     */
    public static Path localJarPath(String jar) throws IOException {
        try {
            return jar.startsWith("file:") ? Paths.get(new URL(jar).toURI()) : Paths.get(jar);
        } catch (URISyntaxException | IllegalArgumentException | MalformedURLException e) {
            throw new IOException("The job's jar '" + jar + "' is neither a local path nor a file: URL.", e);
        }
    }

    /**
     * Deletes {@code path} and, for a directory, everything below it; a missing path is fine.
     *
     * @throws IOException naming the first entry that could not be deleted
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path entry : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(entry);
            }
        }
    }
}
