package io.freshet.yarn.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.util.List;

import io.freshet.configuration.ConfigOption;

/** Options of Freshet on YARN: the application the client submits and the containers of its TaskManagers. */
public final class YarnConfigOptions {

    private YarnConfigOptions() {}

    // ---- the application ----

    public static final ConfigOption<String> APPLICATION_NAME = key("yarn.application.name")
            .stringType()
            .noDefaultValue()
            .withDescription("The name of the YARN application, as YARN's web UI and 'yarn application -list' show"
                    + " it. If unset, 'Freshet session cluster' (or the job's name for per-job clusters).");

    public static final ConfigOption<String> APPLICATION_QUEUE = key("yarn.application.queue")
            .stringType()
            .noDefaultValue()
            .withDescription("The YARN queue the application is submitted to. If unset, YARN's default queue.");

    public static final ConfigOption<String> APPLICATION_TYPE = key("yarn.application.type")
            .stringType()
            .defaultValue("Apache Flink")
            .withDescription("The application type YARN shows; 'Apache Flink' so that tools that look for Flink"
                    + " applications find Freshet's.");

    public static final ConfigOption<String> APPLICATION_TAGS = key("yarn.tags")
            .stringType()
            .defaultValue("")
            .withDescription("Comma-separated tags of the YARN application, for filtering in YARN's UI and API.");

    public static final ConfigOption<Integer> APPLICATION_PRIORITY = key("yarn.application.priority")
            .intType()
            .defaultValue(-1)
            .withDescription("The priority of the YARN application (higher is more important); a negative value"
                    + " leaves YARN's default.");

    public static final ConfigOption<Integer> APPLICATION_ATTEMPTS = key("yarn.application-attempts")
            .intType()
            .defaultValue(1)
            .withDescription("How many ApplicationMaster attempts YARN makes before the application fails; capped"
                    + " by YARN's 'yarn.resourcemanager.am.max-attempts'.");

    public static final ConfigOption<String> APPLICATION_ID = key("yarn.application.id")
            .stringType()
            .noDefaultValue()
            .withDescription("The id of a running YARN session ('application_<timestamp>_<n>') that 'bin/flink run"
                    + " -t yarn-session' submits to. If unset, the one in the properties file of the last"
                    + " 'bin/yarn-session.sh'.");

    public static final ConfigOption<Integer> APP_MASTER_VCORES = key("yarn.appmaster.vcores")
            .intType()
            .defaultValue(1)
            .withDescription("The virtual cores of the ApplicationMaster container (the JobManager).");

    // ---- TaskManager containers ----

    public static final ConfigOption<Integer> VCORES = key("yarn.containers.vcores")
            .intType()
            .defaultValue(-1)
            .withDescription("The virtual cores of each TaskManager container. If -1, the number of slots"
                    + " ('taskmanager.numberOfTaskSlots'). Must not exceed YARN's"
                    + " 'yarn.scheduler.maximum-allocation-vcores'.");

    public static final ConfigOption<String> CONTAINER_JAVA_HOME = key("env.java.home")
            .stringType()
            .noDefaultValue()
            .withDescription("JAVA_HOME of the ApplicationMaster and the TaskManager containers on YARN (a JDK 17"
                    + " on every NodeManager host). If unset, the Java home of the client that deploys the cluster.");

    // ---- files ----

    public static final ConfigOption<List<String>> SHIP_FILES = key("yarn.ship-files")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Local files and directories shipped to the ApplicationMaster and every TaskManager"
                    + " container, separated by ';'. They land in the container's working directory under their"
                    + " own names; jars among them are on the classpath.");

    public static final ConfigOption<List<String>> PROVIDED_LIB_DIRS = key("yarn.provided.lib.dirs")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Directories on a shared file system (e.g. 'hdfs:///freshet/lib') that hold Freshet's"
                    + " lib/ jars, separated by ';'. When set, the client uploads no jars of lib/: containers"
                    + " localize these (cached by the NodeManagers), which makes starts faster.");

    public static final ConfigOption<String> STAGING_DIRECTORY = key("yarn.staging-directory")
            .stringType()
            .noDefaultValue()
            .withDescription("The directory under which the client uploads each application's files, into"
                    + " '.flink/<application id>/'. If unset, the home directory of the user on the default file"
                    + " system ('fs.defaultFS').");

    public static final ConfigOption<List<String>> EXTRA_CLASSPATH = key("yarn.classpath.extra")
            .stringType()
            .asList()
            .noDefaultValue()
            .withDescription("Classpath entries appended as they are to the classpath of the ApplicationMaster and"
                    + " the TaskManager containers, separated by ';': paths that exist on every NodeManager host,"
                    + " e.g. jars installed there. The containers' classpath starts with the shipped jars and"
                    + " YARN's 'yarn.application.classpath' (the cluster's Hadoop).");

    public static final ConfigOption<String> PROPERTIES_FILE_LOCATION = key("yarn.properties-file.location")
            .stringType()
            .noDefaultValue()
            .withDescription("The directory of the file '.yarn-properties-<user>' in which 'bin/yarn-session.sh'"
                    + " remembers the id of the session it started, for the next 'bin/flink run'. If unset, the"
                    + " system's temporary directory ('java.io.tmpdir').");
}
