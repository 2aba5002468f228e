package io.freshet.runtime.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.JobID;
import io.freshet.configuration.BlobServerOptions;
import io.freshet.configuration.Configuration;

/** A BlobServer and a TaskExecutor's BlobCache over a real HTTP connection. */
class BlobServerTest {

    @TempDir
    Path temp;

    private BlobServer server;
    private BlobCache cache;
    private final JobID job = new JobID();

    @BeforeEach
    void start() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(BlobServerOptions.STORAGE_DIRECTORY, temp.toString());
        configuration.set(BlobServerOptions.FETCH_RETRIES, 1);
        server = new BlobServer(configuration, "localhost");
        cache = BlobCache.fromConfiguration(configuration);
    }

    @AfterEach
    void stop() {
        cache.close();
        server.close();
    }

    private Path jarOf(int bytes, long seed) throws Exception {
        byte[] content = new byte[bytes];
        new Random(seed).nextBytes(content);
        return Files.write(temp.resolve("job-" + seed + ".jar"), content);
    }

    @Test
    void aStoredJarIsDownloadedByteForByteOnce() throws Exception {
        Path jar = jarOf(3 * 1024 * 1024 + 17, 1);

        String url = server.putJar(job, jar);
        Path first = cache.getFile(job, url);
        Path second = cache.getFile(job, url);

        assertThat(url).matches("http://localhost:" + server.getPort() + "/blobs/" + job + "/[0-9a-f]{64}\\.jar");
        assertThat(BlobCache.isBlobUrl(url)).isTrue();
        assertThat(first).hasSameBinaryContentAs(jar);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theSameJarTwiceIsOneBlob() throws Exception {
        Path jar = jarOf(1000, 2);

        assertThat(server.putJar(job, jar)).isEqualTo(server.putJar(job, jar));
        assertThat(server.putJar(job, jarOf(1000, 3))).isNotEqualTo(server.putJar(job, jar));
    }

    @Test
    void aBlobCorruptedOnTheServersDiskIsRefusedNamingTheChecksum() throws Exception {
        String url = server.putJar(job, jarOf(5000, 4));
        String key = url.substring(url.lastIndexOf('/') + 1);
        try (Stream<Path> files = Files.walk(temp)) {
            Path stored = files.filter(file -> file.getFileName().toString().equals(key)
                    && file.toString().contains("blobStore-")).findFirst().orElseThrow();
            Files.write(stored, new byte[] {1, 2, 3});
        }

        assertThatThrownBy(() -> cache.getFile(job, url)).hasMessageContaining(url)
                .hasMessageContaining("SHA-256").hasMessageContaining("blob.fetch.retries");
    }

    @Test
    void theBlobsOfAnEndedJobAreGone() throws Exception {
        String url = server.putJar(job, jarOf(100, 5));
        assertThat(server.hasBlobs(job)).isTrue();

        server.cleanupJob(job);

        assertThat(server.hasBlobs(job)).isFalse();
        assertThatThrownBy(() -> cache.getFile(job, url)).hasMessageContaining("404")
                .hasMessageContaining("the job may have ended");
    }

    @Test
    void malformedBlobRequestsAre400() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + server.getPort() + "/blobs/" + job + "/..%2F..%2Fsecret")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("is not a blob key");
    }

    @Test
    void closingTheServerRemovesItsStore() throws Exception {
        server.putJar(job, jarOf(100, 6));

        server.close();

        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith("blobStore-"));
        }
    }
}
