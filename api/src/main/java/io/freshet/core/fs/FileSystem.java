package io.freshet.core.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files on some storage: the local disk ({@code file://}, or a path without scheme) here, others ({@code hdfs://})
 * through {@link FileSystemFactory}s on the classpath.
 */
public abstract class FileSystem {

    /** What {@code create} does when the file exists. */
    public enum WriteMode {
        /** Refuse: the file exists. */
        NO_OVERWRITE,
        /** Replace the file. */
        OVERWRITE
    }

    private static final Map<String, FileSystemFactory> FACTORIES = new ConcurrentHashMap<>();

    /** The file system of {@code uri}'s scheme. */
    public static FileSystem get(URI uri) throws IOException {
        String scheme = uri.getScheme();
        if (scheme == null || scheme.equals("file")) {
            return LocalFileSystem.getSharedInstance();
        }
        FileSystemFactory factory = FACTORIES.get(scheme);
        if (factory == null) {
            for (FileSystemFactory candidate : ServiceLoader.load(FileSystemFactory.class,
                    Thread.currentThread().getContextClassLoader())) {
                FACTORIES.putIfAbsent(candidate.getScheme(), candidate);
            }
            factory = FACTORIES.get(scheme);
        }
        if (factory == null) {
            throw new IOException("No file system for the scheme '" + scheme + "' of '" + uri + "' is on the classpath."
                    + " Local paths ('file:///...' or no scheme) always work; Hadoop file systems ('hdfs://') need"
                    + " Freshet's Hadoop file system support and the Hadoop client on the classpath (HADOOP_CLASSPATH).");
        }
        return factory.create(uri);
    }

    public static FileSystem getLocalFileSystem() {
        return LocalFileSystem.getSharedInstance();
    }

    /** @throws FileNotFoundException when nothing is at {@code path} */
    public abstract FileStatus getFileStatus(Path path) throws IOException;

    /** The entries of directory {@code path}, or the file itself. */
    public abstract FileStatus[] listStatus(Path path) throws IOException;

    public abstract FSDataInputStream open(Path path) throws IOException;

    public abstract FSDataOutputStream create(Path path, WriteMode overwriteMode) throws IOException;

    public abstract boolean delete(Path path, boolean recursive) throws IOException;

    public abstract boolean mkdirs(Path path) throws IOException;

    public abstract boolean rename(Path source, Path target) throws IOException;

    public boolean exists(Path path) throws IOException {
        try {
            getFileStatus(path);
            return true;
        } catch (FileNotFoundException e) {
            return false;
        }
    }
}
