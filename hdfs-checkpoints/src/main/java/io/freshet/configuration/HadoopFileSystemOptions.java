package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

/**
 * Options of the Hadoop file systems ({@code hdfs://}, {@code viewfs://}, ...). Besides these, every key
 * {@code flink.hadoop.<key>} is handed to Hadoop as {@code <key>}.
 */
public final class HadoopFileSystemOptions {

    private HadoopFileSystemOptions() {}

    /** The prefix of keys handed to the Hadoop configuration with the prefix removed, as in Flink. */
    public static final String HADOOP_KEY_PREFIX = "flink.hadoop.";

    /** A directory of Hadoop configuration files. */
    public static final ConfigOption<String> HADOOP_CONF_DIR = key("fs.hdfs.hadoopconf")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory of the Hadoop configuration (core-site.xml, hdfs-site.xml) for the Hadoop"
                    + " file systems (hdfs://, viewfs://, ...). Its settings win over those of env.hadoop.conf.dir,"
                    + " HADOOP_CONF_DIR, HADOOP_HOME/etc/hadoop and the classpath. Keys 'flink.hadoop.<key>'"
                    + " set single Hadoop keys on top of all files.");
}
