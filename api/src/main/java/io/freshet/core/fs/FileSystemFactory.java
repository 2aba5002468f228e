package io.freshet.core.fs;

import java.io.IOException;
import java.net.URI;

/**
 * Makes the file system of one URI scheme ({@code hdfs}, {@code s3a}, ...); found through
 * {@code java.util.ServiceLoader} ({@code META-INF/services/io.freshet.core.fs.FileSystemFactory}).
 */
public interface FileSystemFactory {

    String getScheme();

    FileSystem create(URI fsUri) throws IOException;
}
