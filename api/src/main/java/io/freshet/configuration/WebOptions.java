package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of the Web UI and of the REST endpoint's jar handling ({@code /jars}). */
public final class WebOptions {

    private WebOptions() {}

    /** Where the REST endpoint keeps its temporary files. */
    public static final ConfigOption<String> TMP_DIR = key("web.tmpdir")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("jobmanager.web.tmpdir")
            .withDescription("Directory of the REST endpoint's temporary files (uploaded jars unless"
                    + " 'web.upload.dir' is set, jars of submitted jobs). If unset, the JVM's java.io.tmpdir.");

    /** Where jars uploaded through {@code POST /jars/upload} are kept. */
    public static final ConfigOption<String> UPLOAD_DIR = key("web.upload.dir")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("jobmanager.web.upload.dir")
            .withDescription("Directory for jars uploaded through the REST API ('POST /jars/upload'); created if"
                    + " missing. If unset, a directory under 'web.tmpdir' that is removed when the JobManager stops.");

    /** Whether jars may be uploaded and run through the REST API. */
    public static final ConfigOption<Boolean> SUBMIT_ENABLE = key("web.submit.enable")
            .booleanType()
            .defaultValue(true)
            .withDeprecatedKeys("jobmanager.web.submit.enable")
            .withDescription("Whether jars may be uploaded and run through the REST API and the Web UI ('/jars').");

    /** Whether jobs may be cancelled through the REST API. */
    public static final ConfigOption<Boolean> CANCEL_ENABLE = key("web.cancel.enable")
            .booleanType()
            .defaultValue(true)
            .withDeprecatedKeys("jobmanager.web.cancel.enable")
            .withDescription("Whether jobs may be cancelled from the Web UI (the REST API's 'PATCH"
                    + " /jobs/:jobid?mode=cancel' always works, as for Flink's CLI).");

    /** How often the Web UI refreshes. */
    public static final ConfigOption<Duration> REFRESH_INTERVAL = key("web.refresh-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(3))
            .withDeprecatedKeys("jobmanager.web.refresh-interval")
            .withDescription("How often the Web UI polls the REST API.");
}
