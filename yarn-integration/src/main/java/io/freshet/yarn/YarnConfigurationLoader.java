package io.freshet.yarn;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.IllegalConfigurationException;

/**
 * Finds the Hadoop configuration of the YARN client, as Flink does: {@code core-site.xml}, {@code hdfs-site.xml} and
 * {@code yarn-site.xml} from the classpath ({@code HADOOP_CLASSPATH}), {@code HADOOP_HOME/etc/hadoop},
 * {@code HADOOP_CONF_DIR}, {@code YARN_CONF_DIR} and the options {@code env.hadoop.conf.dir} and
 * {@code env.yarn.conf.dir}, later ones winning.
 */
public final class YarnConfigurationLoader {

    private static final String[] FILES = {"core-site.xml", "hdfs-site.xml", "yarn-site.xml"};

    private YarnConfigurationLoader() {}

    /**
     * @throws IllegalConfigurationException when no source names a YARN ResourceManager: the client would otherwise
     *     try {@code 0.0.0.0:8032} and wait there
     */
    public static YarnConfiguration load(Configuration configuration, Map<String, String> environment) {
        YarnConfiguration yarn = new YarnConfiguration();
        List<String> looked = new ArrayList<>();
        looked.add("the classpath (HADOOP_CLASSPATH)");
        String home = environment.get("HADOOP_HOME");
        if (home != null && !home.isBlank()) {
            addDirectory(yarn, new File(home, "etc/hadoop"), looked, "HADOOP_HOME/etc/hadoop");
        }
        addDirectory(yarn, environment.get("HADOOP_CONF_DIR"), looked, "HADOOP_CONF_DIR");
        addDirectory(yarn, environment.get("YARN_CONF_DIR"), looked, "YARN_CONF_DIR");
        addDirectory(yarn, configuration.getOptional(CoreOptions.FLINK_HADOOP_CONF_DIR).orElse(null), looked,
                CoreOptions.FLINK_HADOOP_CONF_DIR.key());
        addDirectory(yarn, configuration.getOptional(CoreOptions.FLINK_YARN_CONF_DIR).orElse(null), looked,
                CoreOptions.FLINK_YARN_CONF_DIR.key());
        String resourceManager = yarn.get(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS);
        if (resourceManager.startsWith("0.0.0.0:") && !yarn.getBoolean(YarnConfiguration.RM_HA_ENABLED, false)) {
            throw new IllegalConfigurationException("No Hadoop configuration names a YARN ResourceManager"
                    + " ('yarn.resourcemanager.address' or 'yarn.resourcemanager.hostname' in yarn-site.xml). Looked"
                    + " in: " + String.join(", ", looked) + ". Set HADOOP_CONF_DIR (or YARN_CONF_DIR) to the"
                    + " directory of your cluster's yarn-site.xml, e.g. 'export HADOOP_CONF_DIR=/etc/hadoop/conf'.");
        }
        return yarn;
    }

    private static void addDirectory(YarnConfiguration yarn, File directory, List<String> looked, String origin) {
        looked.add(origin + " = " + directory);
        for (String name : FILES) {
            File file = new File(directory, name);
            if (file.isFile()) {
                yarn.addResource(new Path(file.getAbsolutePath()));
            }
        }
    }

    private static void addDirectory(YarnConfiguration yarn, String directory, List<String> looked, String origin) {
        if (directory == null || directory.isBlank()) {
            return;
        }
        File dir = new File(directory);
        if (!dir.isDirectory()) {
            throw new IllegalConfigurationException(origin + " is '" + directory + "', which is not a directory. Point"
                    + " it at the directory of your cluster's core-site.xml and yarn-site.xml, or unset it.");
        }
        addDirectory(yarn, dir, looked, origin);
    }
}
