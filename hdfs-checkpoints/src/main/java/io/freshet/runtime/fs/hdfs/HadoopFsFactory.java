package io.freshet.runtime.fs.hdfs;

import java.io.IOException;
import java.net.URI;
import java.util.function.Function;

import io.freshet.configuration.Configuration;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.FileSystemFactory;

/**
 * The file systems of Hadoop's schemes: {@code hdfs} and every other scheme the Hadoop jars on the classpath know
 * ({@code viewfs}, {@code webhdfs}, {@code swebhdfs}, {@code har}, and {@code s3a} and the like when their Hadoop
 * modules are there). Registered in {@code META-INF/services/io.freshet.core.fs.FileSystemFactory}.
 *
 * <p>The Hadoop client itself is not part of Freshet's distribution: it comes from the cluster through
 * {@code HADOOP_CLASSPATH}. Without it this factory still loads (so that other schemes keep working), answers for no
 * scheme but {@code hdfs}, and says so when asked for an {@code hdfs://} file system. Where the Hadoop configuration
 * comes from is described in {@link HadoopConfigLoader}; a new process configuration ({@link #configure}) with other
 * Hadoop settings starts a fresh set of file systems, the old ones are left to the streams still open on them.
 *
 * <p>Thread-safe.
 */
public final class HadoopFsFactory implements FileSystemFactory {

    private static final String HADOOP_FILE_SYSTEM_CLASS = "org.apache.hadoop.fs.FileSystem";

    private final Function<String, String> environment;
    private final boolean hadoopOnClasspath;

    /** The settings the file systems are made with (guarded by this). */
    private HadoopConfigLoader.Settings settings = HadoopConfigLoader.Settings.of(new Configuration());
    /** Created on first use, so that a broken Hadoop configuration fails a job that uses it, not every lookup. */
    private HadoopFileSystemCache fileSystems;

    /** The factory {@code java.util.ServiceLoader} makes: Hadoop's environment variables come from the process. */
    public HadoopFsFactory() {
        this(System::getenv);
    }

    /** A factory that reads {@code HADOOP_CONF_DIR} and {@code HADOOP_HOME} from {@code environment}. */
    public HadoopFsFactory(Function<String, String> environment) {
        this.environment = environment;
        this.hadoopOnClasspath = isOnClasspath(HADOOP_FILE_SYSTEM_CLASS, HadoopFsFactory.class.getClassLoader());
    }

    private static boolean isOnClasspath(String className, ClassLoader classLoader) {
        try {
            Class.forName(className, false, classLoader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String getScheme() {
        return "hdfs";
    }

    @Override
    public boolean supportsScheme(String scheme) {
        if (!hadoopOnClasspath) {
            return false;
        }
        try {
            return fileSystems().knowsScheme(scheme);
        } catch (IOException e) {
            // the configuration is broken: claim the scheme, so that create() reports why
            return true;
        }
    }

    @Override
    public synchronized void configure(Configuration configuration) {
        HadoopConfigLoader.Settings newSettings = HadoopConfigLoader.Settings.of(configuration);
        if (!newSettings.equals(settings)) {
            settings = newSettings;
            fileSystems = null;
        }
    }

    @Override
    public FileSystem create(URI fsUri) throws IOException {
        if (!hadoopOnClasspath) {
            throw new IOException("'" + fsUri + "' needs the Hadoop client, which is not on Freshet's classpath. Put"
                    + " your cluster's Hadoop jars on it: export HADOOP_CLASSPATH=`hadoop classpath` before starting"
                    + " Freshet (see docs/deployment/hdfs.md).");
        }
        return fileSystems().get(fsUri);
    }

    private synchronized HadoopFileSystemCache fileSystems() throws IOException {
        if (fileSystems == null) {
            fileSystems = new HadoopFileSystemCache(new HadoopConfigLoader(settings, environment));
        }
        return fileSystems;
    }
}
