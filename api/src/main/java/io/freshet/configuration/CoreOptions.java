package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.util.List;

/** Options that apply to every Freshet process: parallelism, class loading, JVM options and process environment. */
public final class CoreOptions {

    private CoreOptions() {}

    // ---- class loading ----

    /** How user-code class loading resolves classes present both in the job's jars and on the Freshet classpath. */
    public static final ConfigOption<String> CLASSLOADER_RESOLVE_ORDER = key("classloader.resolve-order")
            .stringType()
            .defaultValue("child-first")
            .withDescription("Where user-code class loading looks first for a class: 'child-first' loads it from"
                    + " the job's jars before the Freshet classpath, so a job may bring its own versions of libraries;"
                    + " 'parent-first' prefers the Freshet classpath.");

    /** Class name prefixes that are always loaded from the Freshet classpath. */
    public static final ConfigOption<List<String>> ALWAYS_PARENT_FIRST_LOADER_PATTERNS =
            key("classloader.parent-first-patterns.default")
                    .stringType()
                    .asList()
                    .defaultValues("java.", "scala.", "io.freshet.", "com.esotericsoftware.kryo",
                            "org.apache.hadoop.", "javax.annotation.", "org.xml", "javax.xml", "org.apache.xerces",
                            "org.w3c", "org.rocksdb.", "org.slf4j", "org.apache.log4j", "org.apache.logging",
                            "org.apache.commons.logging", "ch.qos.logback")
                    .withDeprecatedKeys("classloader.parent-first-patterns")
                    .withDescription("Class name prefixes that are always loaded from the Freshet classpath, even"
                            + " with child-first resolution, so that Freshet and the job share one copy of them."
                            + " Change this only with care; to add prefixes, use"
                            + " 'classloader.parent-first-patterns.additional'.");

    /** Extra class name prefixes that are always loaded from the Freshet classpath. */
    public static final ConfigOption<List<String>> ALWAYS_PARENT_FIRST_LOADER_PATTERNS_ADDITIONAL =
            key("classloader.parent-first-patterns.additional")
                    .stringType()
                    .asList()
                    .defaultValues()
                    .withDescription("Class name prefixes added to 'classloader.parent-first-patterns.default'.");

    // ---- parallelism ----

    /** The parallelism of operators that set none. */
    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = key("parallelism.default")
            .intType()
            .defaultValue(1)
            .withDescription("Parallelism of operators and jobs that do not set their own.");

    // ---- JVM options of the processes started by the scripts ----

    /** JVM options of every Freshet process. */
    public static final ConfigOption<String> FLINK_JVM_OPTIONS = key("env.java.opts.all")
            .stringType()
            .defaultValue("")
            .withDeprecatedKeys("env.java.opts")
            .withDescription("JVM options passed to every process the scripts start (JobManager, TaskManager,"
                    + " client).");

    /** JVM options of the JobManager. */
    public static final ConfigOption<String> FLINK_JM_JVM_OPTIONS = key("env.java.opts.jobmanager")
            .stringType()
            .defaultValue("")
            .withDescription("JVM options passed to the JobManager process, after 'env.java.opts.all'.");

    /** JVM options of the TaskManagers. */
    public static final ConfigOption<String> FLINK_TM_JVM_OPTIONS = key("env.java.opts.taskmanager")
            .stringType()
            .defaultValue("")
            .withDescription("JVM options passed to TaskManager processes, after 'env.java.opts.all'.");

    /** JVM options of the command-line client. */
    public static final ConfigOption<String> FLINK_CLI_JVM_OPTIONS = key("env.java.opts.client")
            .stringType()
            .defaultValue("")
            .withDescription("JVM options passed to the command-line client (bin/flink), after"
                    + " 'env.java.opts.all'.");

    // ---- process environment ----

    /** Directory of the log files. */
    public static final ConfigOption<String> FLINK_LOG_DIR = key("env.log.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory the scripts write log files to; if unset, 'log/' under the Freshet home.");

    /** Directory of the pid files. */
    public static final ConfigOption<String> FLINK_PID_DIR = key("env.pid.dir")
            .stringType()
            .defaultValue("/tmp")
            .withDescription("Directory where the scripts keep the process id files of the daemons they start.");

    /** Number of rotated log files kept. */
    public static final ConfigOption<Integer> FLINK_LOG_MAX = key("env.log.max")
            .intType()
            .defaultValue(10)
            .withDescription("How many old log files the scripts keep per process before deleting the oldest.");

    /** Root log level used by the scripts. */
    public static final ConfigOption<String> FLINK_LOG_LEVEL = key("env.log.level")
            .stringType()
            .defaultValue("INFO")
            .withDescription("Root log level of processes started by the scripts (e.g. DEBUG, INFO, WARN).");

    /** Hadoop configuration directory. */
    public static final ConfigOption<String> FLINK_HADOOP_CONF_DIR = key("env.hadoop.conf.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory of the Hadoop configuration (core-site.xml, hdfs-site.xml); overrides the"
                    + " HADOOP_CONF_DIR environment variable.");

    /** YARN configuration directory. */
    public static final ConfigOption<String> FLINK_YARN_CONF_DIR = key("env.yarn.conf.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory of the YARN configuration (yarn-site.xml); overrides the YARN_CONF_DIR"
                    + " environment variable.");

    // ---- file systems ----

    /** The scheme of paths without one. */
    public static final ConfigOption<String> DEFAULT_FILESYSTEM_SCHEME = key("fs.default-scheme")
            .stringType()
            .noDefaultValue()
            .withDescription("File system scheme and authority used for paths that have none, e.g."
                    + " 'hdfs://namenode:8020/'. If unset, such paths are local files.");
}
