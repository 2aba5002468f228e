package io.freshet.core.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

import io.freshet.configuration.Configuration;

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

    /** The factory of each scheme asked for so far (own schemes and those a factory {@code supportsScheme}). */
    private static final Map<String, FileSystemFactory> FACTORIES = new ConcurrentHashMap<>();

    /** What {@link #initialize} was last given; every factory is configured with it before its first use. */
    private static volatile Configuration configuration = new Configuration();

    /**
     * Hands the process's configuration to the file-system factories on the classpath (for example the Hadoop
     * configuration directory of {@code hdfs://}). Processes call it once they have loaded their configuration; without
     * it, factories see an empty configuration.
     *
     * <p>The setting is JVM-wide: the last call wins (a MiniCluster calls it with its own configuration).
     */
    public static synchronized void initialize(Configuration processConfiguration) {
        configuration = new Configuration(processConfiguration);
        for (FileSystemFactory factory : FACTORIES.values()) {
            factory.configure(configuration);
        }
    }

    /** The file system of {@code uri}'s scheme. */
    public static FileSystem get(URI uri) throws IOException {
        String scheme = uri.getScheme();
        if (scheme == null || scheme.equals("file")) {
            return LocalFileSystem.getSharedInstance();
        }
        FileSystemFactory factory = FACTORIES.get(scheme);
        if (factory == null) {
            factory = findFactory(scheme);
        }
        if (factory == null) {
            throw new IOException("No file system for the scheme '" + scheme + "' of '" + uri + "' is on the classpath."
                    + " Local paths ('file:///...' or no scheme) always work; Hadoop file systems ('hdfs://') need"
                    + " Freshet's Hadoop file system support and the Hadoop client on the classpath (HADOOP_CLASSPATH).");
        }
        return factory.create(uri);
    }

    /** Loads the factories on the classpath: the one whose own scheme it is, else one that supports the scheme. */
    private static synchronized FileSystemFactory findFactory(String scheme) {
        FileSystemFactory factory = FACTORIES.get(scheme);
        if (factory != null) {
            return factory;
        }
        List<FileSystemFactory> candidates = new ArrayList<>();
        for (FileSystemFactory candidate : ServiceLoader.load(FileSystemFactory.class,
                Thread.currentThread().getContextClassLoader())) {
            FileSystemFactory inUse = registeredInstanceOf(candidate);
            if (inUse == candidate) {
                candidate.configure(configuration);
            }
            candidates.add(inUse);
        }
        for (FileSystemFactory candidate : candidates) {
            if (candidate.getScheme().equals(scheme)) {
                return register(scheme, candidate);
            }
        }
        for (FileSystemFactory candidate : candidates) {
            if (candidate.supportsScheme(scheme)) {
                return register(scheme, candidate);
            }
        }
        return null;
    }

    /** The instance of {@code candidate}'s class already in use, if any: one factory (and its caches) per class. */
    private static FileSystemFactory registeredInstanceOf(FileSystemFactory candidate) {
        for (FileSystemFactory registered : FACTORIES.values()) {
            if (registered.getClass() == candidate.getClass()) {
                return registered;
            }
        }
        return candidate;
    }

    private static FileSystemFactory register(String scheme, FileSystemFactory factory) {
        FACTORIES.put(scheme, factory);
        return factory;
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
