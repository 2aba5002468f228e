package io.freshet.runtime.webmonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.RpcOptions;
import io.freshet.configuration.WebOptions;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.rest.RestServerEndpoint;
import io.freshet.runtime.rest.Router;
import io.freshet.runtime.rest.handler.ClusterHandlers;
import io.freshet.runtime.rest.handler.JarHandlers;
import io.freshet.runtime.rest.handler.JobHandlers;
import io.freshet.runtime.rest.handler.TaskManagerHandlers;
import io.freshet.runtime.util.FileUtils;

/**
 * The JobManager's REST API (Flink's paths and JSON): cluster, job, TaskManager and jar endpoints on one
 * {@link RestServerEndpoint}, answering from the Dispatcher and the ResourceManager of the same process.
 *
 * <p>Files: submissions ({@code POST /jobs}) arrive under {@code web.tmpdir} in {@code freshet-web-<uuid>/submissions/},
 * their jars then move into the {@link BlobServer} until the job ends; uploaded jars stay in {@code web.upload.dir}
 * (or {@code freshet-web-<uuid>/jars/}). Closing the endpoint removes {@code freshet-web-<uuid>}; a configured
 * {@code web.upload.dir} stays.
 */
public final class WebMonitorEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebMonitorEndpoint.class);

    private final Path workingDirectory;
    private final RestServerEndpoint server;

    /** @param blobServer where the jars of submitted jobs go, for the TaskExecutors to download */
    public WebMonitorEndpoint(Configuration configuration, DispatcherGateway dispatcher,
            ResourceManagerGateway resourceManager, BlobServer blobServer) throws Exception {
        this(configuration, dispatcher, resourceManager, blobServer, null);
    }

    /**
     * @param clusterShutdown what {@code DELETE /cluster} starts (it must return at once); null: no such endpoint,
     *     as in a standalone cluster, whose processes are stopped by their scripts
     */
    public WebMonitorEndpoint(Configuration configuration, DispatcherGateway dispatcher,
            ResourceManagerGateway resourceManager, BlobServer blobServer, Runnable clusterShutdown)
            throws Exception {
        Duration timeout = configuration.get(RpcOptions.ASK_TIMEOUT);
        String tmpDir = configuration.getOptional(WebOptions.TMP_DIR).orElse(System.getProperty("java.io.tmpdir"));
        this.workingDirectory = Paths.get(tmpDir).resolve("freshet-web-" + UUID.randomUUID());
        Path jobFiles = workingDirectory.resolve("submissions");
        Path uploads = configuration.getOptional(WebOptions.UPLOAD_DIR).map(Paths::get)
                .orElse(workingDirectory.resolve("jars"));
        try {
            Files.createDirectories(jobFiles);
            Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new IOException("The REST endpoint cannot create its directories " + jobFiles + " and " + uploads
                    + " (" + e + "). Check '" + WebOptions.TMP_DIR.key() + "' and '" + WebOptions.UPLOAD_DIR.key()
                    + "'.", e);
        }
        Router.Builder routes = Router.builder();
        new ClusterHandlers(dispatcher, resourceManager, configuration, timeout, clusterShutdown).register(routes);
        new JobHandlers(dispatcher, timeout, jobFiles, blobServer).register(routes);
        new TaskManagerHandlers(resourceManager, timeout).register(routes);
        if (configuration.get(WebOptions.SUBMIT_ENABLE)) {
            // the jar listing names the endpoint's address, which is known once the server is bound
            new JarHandlers(dispatcher, configuration, timeout, uploads, () -> getRestBaseUrl(), blobServer)
                    .register(routes);
        }
        try {
            this.server = new RestServerEndpoint(configuration, routes.build());
        } catch (Exception e) {
            deleteWorkingDirectory();
            throw e;
        }
    }

    public int getRestPort() {
        return server.getPort();
    }

    public String getRestBaseUrl() {
        return server.getRestBaseUrl();
    }

    @Override
    public void close() {
        server.close();
        deleteWorkingDirectory();
    }

    private void deleteWorkingDirectory() {
        try {
            FileUtils.deleteRecursively(workingDirectory);
        } catch (IOException e) {
            LOG.warn("Could not delete the REST endpoint's directory {}; remove it by hand.", workingDirectory, e);
        }
    }
}
