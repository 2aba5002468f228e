package io.freshet.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobID;
import io.freshet.configuration.BlobServerOptions;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.rest.HandlerRequest;
import io.freshet.runtime.rest.RestHandlerException;
import io.freshet.runtime.rest.RestResponse;
import io.freshet.runtime.rest.RestServerEndpoint;
import io.freshet.runtime.rest.Router;
import io.freshet.runtime.util.FileUtils;
import io.netty.handler.codec.http.HttpMethod;

/**
 * Keeps the jars of the JobManager's jobs and serves them to TaskExecutors over HTTP, so that TaskExecutors on any
 * host can build a job's class loader ({@link BlobCache} downloads on their side).
 *
 * <h2>Laws</h2>
 * <ul>
 *   <li>Content addressing: a blob's key is the SHA-256 of its bytes; storing the same jar twice for a job keeps
 *       one copy, and a downloader verifies the bytes it got against the key.</li>
 *   <li>A job's blobs live until {@link #cleanupJob} (its global end); the whole store, under
 *       {@code blob.storage.directory}, is removed when the server closes.</li>
 *   <li>A blob is complete before it is visible: it is written to a temporary file and moved into place.</li>
 * </ul>
 *
 * <p>Blob URLs are {@code http://<host>:<blob.server.port>/blobs/<job-id>/<sha-256>.jar}.
 */
public final class BlobServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlobServer.class);

    private final Path storageDirectory;
    private final RestServerEndpoint server;

    /**
     * Starts serving on {@code blob.server.port} of every interface.
     *
     * @param advertisedHost the host TaskExecutors reach this process at ({@code jobmanager.rpc.address})
     */
    public BlobServer(Configuration configuration, String advertisedHost) throws Exception {
        String parent = configuration.getOptional(BlobServerOptions.STORAGE_DIRECTORY)
                .orElse(System.getProperty("java.io.tmpdir"));
        this.storageDirectory = Paths.get(parent).resolve("blobStore-" + UUID.randomUUID());
        try {
            Files.createDirectories(storageDirectory);
        } catch (IOException e) {
            throw new IOException("The BlobServer cannot create its directory " + storageDirectory + " (" + e
                    + "). Check '" + BlobServerOptions.STORAGE_DIRECTORY.key() + "'.", e);
        }
        Router router = Router.builder().add(HttpMethod.GET, "/blobs/:jobid/:blob", this::serve).build();
        RestServerEndpoint.Settings settings = new RestServerEndpoint.Settings(null,
                configuration.get(BlobServerOptions.PORT), BlobServerOptions.PORT.key(),
                "'" + BlobServerOptions.PORT.key() + "'", advertisedHost, 1024, 2, Duration.ofMinutes(5));
        try {
            this.server = new RestServerEndpoint("BlobServer", settings, router);
        } catch (Exception e) {
            FileUtils.deleteRecursively(storageDirectory);
            throw e;
        }
        LOG.info("BlobServer keeps jobs' jars in {}.", storageDirectory);
    }

    public int getPort() {
        return server.getPort();
    }

    /**
     * Stores {@code jar} as a blob of {@code jobId} and returns the URL TaskExecutors download it from.
     *
     * @throws IOException naming the jar when it cannot be read or stored
     */
    public String putJar(JobID jobId, Path jar) throws IOException {
        Path jobDirectory = Files.createDirectories(jobDirectory(jobId));
        Path temporary = jobDirectory.resolve("incoming-" + UUID.randomUUID());
        String key;
        try (InputStream in = Files.newInputStream(jar);
                DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256())) {
            in.transferTo(out);
            out.flush();
            key = HexFormat.of().formatHex(out.getMessageDigest().digest());
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("Could not store the jar " + jar + " of job " + jobId + " in the BlobServer: " + e, e);
        }
        Path blob = jobDirectory.resolve(key + ".jar");
        Files.move(temporary, blob, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.debug("Stored {} as blob {} of job {}.", jar, key, jobId);
        return server.getRestBaseUrl() + "/blobs/" + jobId + "/" + key + ".jar";
    }

    /** Removes the blobs of a job that has reached its global end. */
    public void cleanupJob(JobID jobId) {
        try {
            FileUtils.deleteRecursively(jobDirectory(jobId));
            LOG.debug("Removed the blobs of job {}.", jobId);
        } catch (IOException e) {
            LOG.warn("Could not remove the blobs of job {} from {}.", jobId, storageDirectory, e);
        }
    }

    /** Whether the job has blobs stored (for tests and diagnostics). */
    public boolean hasBlobs(JobID jobId) {
        return Files.isDirectory(jobDirectory(jobId));
    }

    private Path jobDirectory(JobID jobId) {
        return storageDirectory.resolve("job_" + jobId);
    }

    private CompletableFuture<RestResponse> serve(HandlerRequest request) throws RestHandlerException {
        String job = request.getPathParameter("jobid");
        String blob = request.getPathParameter("blob");
        JobID jobId;
        try {
            jobId = JobID.fromHexString(job);
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest("'" + job + "' is not a job id.");
        }
        if (!blob.matches("[0-9a-f]{64}\\.jar")) {
            throw RestHandlerException.badRequest("'" + blob + "' is not a blob key (<sha-256>.jar).");
        }
        Path file = jobDirectory(jobId).resolve(blob);
        if (!Files.isRegularFile(file)) {
            throw RestHandlerException.notFound("The BlobServer has no blob " + blob + " of job " + jobId
                    + " (the job may have ended).");
        }
        return CompletableFuture.completedFuture(RestResponse.file(file, "application/java-archive"));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Stops serving and removes the store. */
    @Override
    public void close() {
        server.close();
        try {
            FileUtils.deleteRecursively(storageDirectory);
        } catch (IOException e) {
            LOG.warn("Could not remove the BlobServer's directory {}; remove it by hand.", storageDirectory, e);
        }
    }
}
