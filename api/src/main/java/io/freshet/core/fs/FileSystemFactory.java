package io.freshet.core.fs;

import java.io.IOException;
import java.net.URI;

import io.freshet.configuration.Configuration;

/**
 * Makes the file system of one URI scheme ({@code hdfs}, {@code s3a}, ...); found through
 * {@code java.util.ServiceLoader} ({@code META-INF/services/io.freshet.core.fs.FileSystemFactory}).
 *
 * <p>A factory over a family of file systems (Hadoop's) may also answer for schemes other than its own, through
 * {@link #supportsScheme}; it is asked only for schemes that no factory names as its {@link #getScheme()}.
 */
public interface FileSystemFactory {

    String getScheme();

    FileSystem create(URI fsUri) throws IOException;

    /** Whether this factory also makes the file systems of {@code scheme}, besides those of {@link #getScheme()}. */
    default boolean supportsScheme(String scheme) {
        return false;
    }

    /**
     * Takes the process's configuration ({@link FileSystem#initialize}); called before the first {@link #create}, and
     * again when the process is configured anew.
     */
    default void configure(Configuration configuration) {}
}
