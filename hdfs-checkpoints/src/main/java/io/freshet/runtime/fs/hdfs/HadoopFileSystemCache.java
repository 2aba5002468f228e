package io.freshet.runtime.fs.hdfs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One Hadoop configuration and one {@link HadoopFileSystem} per scheme and authority ({@code hdfs://nn:8020}) made
 * with it. The Hadoop file systems are Hadoop's own instances ({@code newInstance}), not those of Hadoop's JVM-wide
 * cache, so that other code closing Hadoop's cached instances cannot close them underneath a running job. They live
 * as long as the process, as in Flink.
 *
 * <p>Only this class and {@link HadoopFileSystem} touch Hadoop's classes: {@link HadoopFsFactory} loads them only
 * when Hadoop is on the classpath.
 */
final class HadoopFileSystemCache {

    /** Schemes whose file systems need a host: without one in the URI, it comes from {@code fs.defaultFS}. */
    private static final Set<String> SCHEMES_NEEDING_AUTHORITY = Set.of("hdfs", "webhdfs", "swebhdfs");

    private final HadoopConfigLoader loader;
    private final org.apache.hadoop.conf.Configuration hadoopConfiguration;
    private final Map<String, HadoopFileSystem> fileSystems = new HashMap<>();

    HadoopFileSystemCache(HadoopConfigLoader loader) throws IOException {
        this.loader = loader;
        this.hadoopConfiguration = loader.load();
        try {
            hadoopConfiguration.get("fs.defaultFS"); // reads the files now, so that a broken one is reported here
        } catch (RuntimeException e) {
            throw new IOException("Cannot read the Hadoop configuration (looked in " + loader.describeSources()
                    + "): " + e.getMessage(), e);
        }
    }

    /** Whether Hadoop has a file system for {@code scheme} (built in, or from a Hadoop jar on the classpath). */
    boolean knowsScheme(String scheme) {
        try {
            org.apache.hadoop.fs.FileSystem.getFileSystemClass(scheme, hadoopConfiguration);
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            // UnsupportedFileSystemException: no such scheme; a LinkageError: its jar lacks a dependency
            return false;
        }
    }

    /** The file system of {@code uri}'s scheme and authority (the default file system's when it has none). */
    synchronized HadoopFileSystem get(URI uri) throws IOException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getAuthority();
        if (authority == null || authority.isEmpty()) {
            authority = defaultAuthority(uri, scheme);
        }
        String key = scheme + "://" + (authority == null ? "" : authority.toLowerCase(Locale.ROOT));
        HadoopFileSystem fileSystem = fileSystems.get(key);
        if (fileSystem == null) {
            fileSystem = create(uri, scheme, authority);
            fileSystems.put(key, fileSystem);
        }
        return fileSystem;
    }

    private String defaultAuthority(URI uri, String scheme) throws IOException {
        URI defaultFs = org.apache.hadoop.fs.FileSystem.getDefaultUri(hadoopConfiguration);
        if (scheme.equalsIgnoreCase(defaultFs.getScheme()) && defaultFs.getAuthority() != null) {
            return defaultFs.getAuthority();
        }
        if (SCHEMES_NEEDING_AUTHORITY.contains(scheme)) {
            throw new IOException("'" + uri + "' names no namenode (host:port), and the Hadoop configuration's"
                    + " fs.defaultFS is '" + defaultFs + "', not a " + scheme + ":// address. Write the namenode"
                    + " into the path (" + scheme + "://<namenode-host>:<port>" + uri.getPath() + "), or point"
                    + " HADOOP_CONF_DIR (or fs.hdfs.hadoopconf) to the directory whose core-site.xml sets fs.defaultFS."
                    + " Looked for the Hadoop configuration in: " + String.join("; ", loader.describeSources()) + ".");
        }
        return null;
    }

    private HadoopFileSystem create(URI uri, String scheme, String authority) throws IOException {
        URI fsUri;
        try {
            fsUri = new URI(scheme, authority, "/", null, null);
        } catch (URISyntaxException e) {
            throw new IOException("'" + uri + "' is not a valid file system URI: " + e.getMessage(), e);
        }
        try {
            return new HadoopFileSystem(org.apache.hadoop.fs.FileSystem.newInstance(fsUri, hadoopConfiguration));
        } catch (IOException | RuntimeException e) {
            // e.g. an unknown host ("java.net.UnknownHostException: nn") or a Hadoop file system without its jars
            throw new IOException("Could not create the Hadoop file system of '" + uri + "' (" + fsUri + "): " + e
                    + ". Check the host name and port in the path or in fs.defaultFS, and that the Hadoop jars of the"
                    + " scheme are on the classpath (HADOOP_CLASSPATH).", e);
        }
    }
}
