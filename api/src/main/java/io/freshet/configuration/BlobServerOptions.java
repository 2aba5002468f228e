package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

/** Options of the JobManager's BlobServer (which ships jobs' jars to TaskManagers) and the TaskManagers' caches. */
public final class BlobServerOptions {

    private BlobServerOptions() {}

    /** Port or port range of the BlobServer. */
    public static final ConfigOption<String> PORT = key("blob.server.port")
            .stringType()
            .defaultValue("0")
            .withDescription("Port, port list or range ('50100,50101', '50100-50200') the JobManager's BlobServer"
                    + " listens on; '0' takes any free port. TaskManagers download jobs' jars from it.");

    /** Where the BlobServer and the TaskManagers' blob caches keep their files. */
    public static final ConfigOption<String> STORAGE_DIRECTORY = key("blob.storage.directory")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory under which the BlobServer (JobManager) and the blob caches (TaskManagers)"
                    + " keep jobs' jars, in a 'blobStore-<uuid>' directory removed when the process stops. If unset,"
                    + " the JVM's java.io.tmpdir.");

    /** Download attempts of a TaskManager's blob cache. */
    public static final ConfigOption<Integer> FETCH_RETRIES = key("blob.fetch.retries")
            .intType()
            .defaultValue(5)
            .withDescription("How often a TaskManager retries downloading a job's jar from the BlobServer before"
                    + " the task fails.");
}
