package io.freshet.runtime.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for the JobManager's and TaskManager's working directories. */
public final class FileUtils {

    private FileUtils() {}

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
