package io.freshet.runtime.fs.hdfs;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.HadoopFileSystemOptions;

/**
 * Where the Hadoop configuration of the Hadoop file systems comes from, lowest precedence first (a later source
 * overrides an earlier one, as Hadoop does for its resources):
 *
 * <ol>
 *   <li>{@code core-site.xml} and {@code hdfs-site.xml} on the classpath (what {@code HADOOP_CLASSPATH} brings);
 *   <li>{@code $HADOOP_HOME/etc/hadoop};
 *   <li>{@code $HADOOP_CONF_DIR};
 *   <li>the Freshet option {@code env.hadoop.conf.dir};
 *   <li>the Freshet option {@code fs.hdfs.hadoopconf};
 *   <li>single keys {@code flink.hadoop.<key>} of the Freshet configuration.
 * </ol>
 *
 * <p>A directory named by an environment variable that does not exist is skipped with a warning (a stale
 * {@code HADOOP_HOME} should not stop a job that does not need it); one named by a Freshet option is an error.
 */
final class HadoopConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger(HadoopConfigLoader.class);

    private static final String[] FILES = {"core-site.xml", "hdfs-site.xml"};

    /** The Freshet settings a Hadoop configuration depends on; two loaders with equal settings load the same. */
    record Settings(List<String> optionDirectories, Map<String, String> hadoopKeys) {

        static Settings of(Configuration configuration) {
            List<String> directories = new ArrayList<>();
            configuration.getOptional(CoreOptions.FLINK_HADOOP_CONF_DIR).ifPresent(directories::add);
            configuration.getOptional(HadoopFileSystemOptions.HADOOP_CONF_DIR).ifPresent(directories::add);
            Map<String, String> keys = new TreeMap<>();
            for (String key : configuration.keySet()) {
                if (key.startsWith(HadoopFileSystemOptions.HADOOP_KEY_PREFIX)
                        && key.length() > HadoopFileSystemOptions.HADOOP_KEY_PREFIX.length()) {
                    keys.put(key.substring(HadoopFileSystemOptions.HADOOP_KEY_PREFIX.length()),
                            configuration.getString(key, ""));
                }
            }
            return new Settings(List.copyOf(directories), Map.copyOf(keys));
        }
    }

    private final Settings settings;
    private final Function<String, String> environment;

    HadoopConfigLoader(Settings settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** The directories looked in, for error messages: each with where its name came from. */
    List<String> describeSources() {
        List<String> sources = new ArrayList<>();
        sources.add("the classpath (HADOOP_CLASSPATH)");
        String home = environment.apply("HADOOP_HOME");
        if (home != null && !home.isBlank()) {
            sources.add("HADOOP_HOME/etc/hadoop = " + new File(home, "etc/hadoop"));
        }
        String confDir = environment.apply("HADOOP_CONF_DIR");
        if (confDir != null && !confDir.isBlank()) {
            sources.add("HADOOP_CONF_DIR = " + confDir);
        }
        for (String directory : settings.optionDirectories()) {
            sources.add(directory);
        }
        return sources;
    }

    /**
     * Loads the configuration.
     *
     * @throws IOException when a directory named by a Freshet option is not a directory
     */
    org.apache.hadoop.conf.Configuration load() throws IOException {
        org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
        String home = environment.apply("HADOOP_HOME");
        if (home != null && !home.isBlank()) {
            addDirectory(hadoop, new File(home, "etc/hadoop"), "HADOOP_HOME", false);
        }
        String confDir = environment.apply("HADOOP_CONF_DIR");
        if (confDir != null && !confDir.isBlank()) {
            addDirectory(hadoop, new File(confDir), "HADOOP_CONF_DIR", false);
        }
        for (String directory : settings.optionDirectories()) {
            addDirectory(hadoop, new File(directory), "the option env.hadoop.conf.dir or fs.hdfs.hadoopconf", true);
        }
        settings.hadoopKeys().forEach(hadoop::set);
        return hadoop;
    }

    private static void addDirectory(org.apache.hadoop.conf.Configuration hadoop, File directory, String origin,
            boolean mustExist) throws IOException {
        if (!directory.isDirectory()) {
            if (mustExist) {
                throw new IOException("The Hadoop configuration directory " + directory + " (from " + origin
                        + ") does not exist or is not a directory. Fix the setting, or remove it to use"
                        + " HADOOP_CONF_DIR.");
            }
            LOG.warn("The Hadoop configuration directory {} (from {}) does not exist; skipping it.", directory,
                    origin);
            return;
        }
        boolean found = false;
        for (String name : FILES) {
            File file = new File(directory, name);
            if (file.isFile()) {
                try {
                    hadoop.addResource(file.toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new IOException("Cannot read the Hadoop configuration file " + file + ": " + e, e);
                }
                found = true;
            }
        }
        if (!found) {
            LOG.warn("The Hadoop configuration directory {} (from {}) holds neither core-site.xml nor hdfs-site.xml.",
                    directory, origin);
        } else {
            LOG.debug("Reading the Hadoop configuration of {} (from {}).", directory, origin);
        }
    }
}
