package io.freshet.core.fs;

/**
 * Flink's file system abstraction, as far as Freshet has it: so far only the {@link WriteMode} that file sinks
 * ({@code writeAsText}, {@code writeAsCsv}) take. The file systems themselves (local, and Hadoop's through the
 * hdfs-checkpoints module) come with the file connectors.
 */
public abstract class FileSystem {

    protected FileSystem() {}

    /** What a sink does when a file it is to write exists already. */
    public enum WriteMode {
        /** Fail, naming the file: existing data is never lost by accident. */
        NO_OVERWRITE,
        /** Replace the file (and a file where a directory is needed). */
        OVERWRITE
    }
}
