package io.freshet.yarn;

import java.io.IOException;
import java.time.Duration;

import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.client.program.rest.RestClusterClient;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestOptions;

/**
 * A running Freshet cluster on YARN: its application id, its REST API (a {@link RestClusterClient}) and its
 * shutdown. Uses the YARN client of the {@link YarnClusterDescriptor} it came from, which must stay open.
 */
public final class YarnClusterClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterClient.class);

    private final YarnClusterDescriptor descriptor;
    private final ApplicationId applicationId;
    private final String host;
    private final int restPort;
    private final RestClusterClient restClient;

    YarnClusterClient(YarnClusterDescriptor descriptor, ApplicationId applicationId, ApplicationReport report) {
        this.descriptor = descriptor;
        this.applicationId = applicationId;
        this.host = report.getHost();
        this.restPort = report.getRpcPort();
        Configuration rest = new Configuration();
        rest.set(RestOptions.ADDRESS, host);
        rest.set(RestOptions.PORT, restPort);
        this.restClient = new RestClusterClient(rest);
    }

    public ApplicationId getApplicationId() {
        return applicationId;
    }

    /** {@code host:port} of the JobManager's REST API and Web UI. */
    public String getWebInterfaceAddress() {
        return host + ":" + restPort;
    }

    public String getRestHost() {
        return host;
    }

    public int getRestPort() {
        return restPort;
    }

    public RestClusterClient getRestClusterClient() {
        return restClient;
    }

    /** YARN's current report of the application. */
    public ApplicationReport getApplicationReport() throws IOException {
        try {
            return descriptor.getYarnClient().getApplicationReport(applicationId);
        } catch (YarnException e) {
            throw new IOException("Could not ask YARN for the report of " + applicationId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the cluster through its REST API and waits until YARN reports the application ended (its final status
     * is then SUCCEEDED); kills it if it has not ended within {@code timeout}.
     *
     * @return the final report
     */
    public ApplicationReport shutDownCluster(Duration timeout) throws IOException, InterruptedException {
        LOG.info("Stopping the YARN application {}.", applicationId);
        restClient.shutDownCluster();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ApplicationReport report = getApplicationReport();
            if (YarnClusterDescriptor.isFinal(report.getYarnApplicationState())) {
                LOG.info("The YARN application {} ended {} with final status {}.", applicationId,
                        report.getYarnApplicationState(), report.getFinalApplicationStatus());
                return report;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("The YARN application {} did not end within {} s of its shutdown; killing it.",
                        applicationId, timeout.toSeconds());
                try {
                    descriptor.killCluster(applicationId);
                } catch (ClusterDeploymentException e) {
                    throw new IOException(e.getMessage(), e);
                }
                deadline = Long.MAX_VALUE;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        restClient.close();
    }
}
