package io.freshet.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobID;
import io.freshet.configuration.BlobServerOptions;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.util.FileUtils;

/**
 * A TaskExecutor's local copies of the blobs (jobs' jars) it downloaded from a {@link BlobServer}: each blob once
 * per job, verified against its SHA-256 key before use, removed when the job's class loader goes
 * ({@link #releaseJob}) and all of them when the cache closes. Thread-safe: tasks of a job resolve its jars
 * concurrently; downloads of one blob are serialized.
 */
public final class BlobCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlobCache.class);
    private static final Pattern BLOB_URL = Pattern.compile("https?://[^/]+/blobs/([0-9a-fA-F]{32})/([0-9a-f]{64})\\.jar");

    private final Path directory;
    private final int retries;
    private final HttpClient http;
    private final Object lock = new Object();

    public BlobCache(Path parentDirectory, int retries) {
        this.directory = parentDirectory.resolve("blobCache-" + UUID.randomUUID());
        this.retries = Math.max(0, retries);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** In {@code blob.storage.directory} (else java.io.tmpdir), with {@code blob.fetch.retries}. */
    public static BlobCache fromConfiguration(Configuration configuration) {
        String parent = configuration.getOptional(BlobServerOptions.STORAGE_DIRECTORY)
                .orElse(System.getProperty("java.io.tmpdir"));
        return new BlobCache(Paths.get(parent), configuration.get(BlobServerOptions.FETCH_RETRIES));
    }

    /** Whether {@code url} names a blob of a BlobServer. */
    public static boolean isBlobUrl(String url) {
        return BLOB_URL.matcher(url).matches();
    }

    /**
     * The local file of the blob at {@code url}, downloaded first if this cache does not have it yet.
     *
     * @throws IOException naming the URL when the download fails {@code blob.fetch.retries + 1} times or the bytes
     *     do not match the key
     */
    public Path getFile(JobID jobId, String url) throws IOException {
        Matcher matcher = BLOB_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IOException("'" + url + "' is not a BlobServer URL of job " + jobId + ".");
        }
        String key = matcher.group(2);
        Path jobDirectory = directory.resolve("job_" + jobId);
        Path file = jobDirectory.resolve(key + ".jar");
        synchronized (lock) {
            if (Files.isRegularFile(file)) {
                return file;
            }
            Files.createDirectories(jobDirectory);
            IOException last = null;
            for (int attempt = 0; attempt <= retries; attempt++) {
                try {
                    download(url, key, file);
                    LOG.info("Downloaded blob {} of job {} from {}.", key, jobId, url);
                    return file;
                } catch (IOException e) {
                    last = e;
                    LOG.info("Downloading {} failed (attempt {} of {}): {}", url, attempt + 1, retries + 1,
                            e.getMessage());
                    pause(attempt);
                }
            }
            throw new IOException("Could not download the jar " + url + " of job " + jobId + " from the BlobServer"
                    + " after " + (retries + 1) + " attempts ('" + BlobServerOptions.FETCH_RETRIES.key() + "'): "
                    + last.getMessage(), last);
        }
    }

    private void download(String url, String key, Path target) throws IOException {
        Path temporary = target.resolveSibling("incoming-" + UUID.randomUUID());
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("the BlobServer answered " + response.statusCode() + ": "
                            + new String(in.readNBytes(500), StandardCharsets.UTF_8));
                }
                String actual;
                try (DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(temporary),
                        BlobServer.sha256())) {
                    in.transferTo(out);
                    out.flush();
                    actual = HexFormat.of().formatHex(out.getMessageDigest().digest());
                }
                if (!actual.equals(key)) {
                    throw new IOException("the downloaded bytes have the SHA-256 " + actual + ", not " + key
                            + " (corrupted in transit or on the BlobServer's disk)");
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + url, e);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(Math.min(2000, 100L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to retry a download", e);
        }
    }

    /** Removes the job's blobs; its class loader is closed. */
    public void releaseJob(JobID jobId) {
        synchronized (lock) {
            try {
                FileUtils.deleteRecursively(directory.resolve("job_" + jobId));
            } catch (IOException e) {
                LOG.warn("Could not remove the cached jars of job {}.", jobId, e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            try {
                FileUtils.deleteRecursively(directory);
            } catch (IOException e) {
                LOG.warn("Could not remove the blob cache {}.", directory, e);
            }
        }
    }
}
