package io.freshet.yarn;

/**
 * Names shared by the client, the ApplicationMaster and the TaskManager containers: environment variables the client
 * sets for the ApplicationMaster, and the names of the files in a container's working directory.
 */
public final class YarnConfigKeys {

    private YarnConfigKeys() {}

    /** The application's staging directory ({@code .flink/<application id>/}), a full URI. */
    public static final String ENV_STAGING_DIR = "_FRESHET_STAGING_DIR";

    /** The classpath of the ApplicationMaster, which the TaskManager containers get as well. */
    public static final String ENV_CLASSPATH = "_FRESHET_CLASSPATH";

    /** The user who submitted the application (the owner of the staging directory). */
    public static final String ENV_CLIENT_USER = "_FRESHET_CLIENT_USER";

    /** Freshet's configuration for the processes in the containers, written by the client. */
    public static final String CONF_FILE = "config.yaml";

    /** The Hadoop configuration of the client (all resources merged), for the ApplicationMaster's YARN clients. */
    public static final String HADOOP_CONF_FILE = "hadoop-site.xml";

    /** The Log4j 2 configuration of the processes in the containers, from the client's conf/. */
    public static final String LOG4J_FILE = "log4j2.properties";

    /** The directory of the localized lib/ jars in a container. */
    public static final String LIB_DIR = "lib";

    /** The program of an application cluster: its jar's name, entry class and arguments (JSON). */
    public static final String APPLICATION_PROGRAM_FILE = "application-program.json";

    /** The JobGraph of a per-job cluster. */
    public static final String JOB_GRAPH_FILE = "job.graph";
}
