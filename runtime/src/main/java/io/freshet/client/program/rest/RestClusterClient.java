package io.freshet.client.program.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestOptions;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.util.FileUtils;
import io.freshet.runtime.jobgraph.JobGraphSerializer;

/**
 * Talks to a JobManager's REST endpoint as Flink's client does: submits JobGraphs with their jars
 * ({@code POST /jobs}), lists jobs ({@code GET /jobs/overview}), asks for a job's state ({@code GET /jobs/:jobid})
 * and failure ({@code GET /jobs/:jobid/exceptions}), cancels ({@code PATCH /jobs/:jobid?mode=cancel}).
 *
 * <p>A JobManager that cannot be reached fails the call within {@code rest.connection-timeout} with a message
 * naming the address and what to check; an error answer fails it with the endpoint's {@code errors}.
 */
public final class RestClusterClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;

    public RestClusterClient(Configuration configuration) {
        String address = configuration.getOptional(RestOptions.ADDRESS).orElse("localhost");
        int port = configuration.get(RestOptions.PORT);
        try {
            this.baseUri = new URI("http", null, address, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid REST address: '" + address + ":" + port + "' ('"
                    + RestOptions.ADDRESS.key() + "', '" + RestOptions.PORT.key() + "').", e);
        }
        this.requestTimeout = configuration.get(RestOptions.IDLENESS_TIMEOUT);
        this.http = HttpClient.newBuilder().connectTimeout(configuration.get(RestOptions.CONNECTION_TIMEOUT)).build();
    }

    public URI getWebInterfaceURL() {
        return baseUri;
    }

    // ---- jobs ----

    /** One row of {@code GET /jobs/overview}. */
    public static final class JobOverview {
        public final JobID jobId;
        public final String name;
        public final JobStatus state;
        public final long startTime;

        JobOverview(JobID jobId, String name, JobStatus state, long startTime) {
            this.jobId = jobId;
            this.name = name;
            this.state = state;
            this.startTime = startTime;
        }
    }

    public List<JobOverview> listJobs() throws IOException {
        JsonNode answer = send(HttpRequest.newBuilder(uri("/jobs/overview")).GET(), "list the jobs");
        List<JobOverview> jobs = new ArrayList<>();
        for (JsonNode job : answer.path("jobs")) {
            jobs.add(new JobOverview(JobID.fromHexString(job.path("jid").asText()), job.path("name").asText(),
                    JobStatus.valueOf(job.path("state").asText()), job.path("start-time").asLong()));
        }
        return jobs;
    }

    public void cancel(JobID jobId) throws IOException {
        send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()), "cancel job " + jobId);
    }

    /**
     * Takes a savepoint of a running job ({@code targetDirectory} null: the cluster's {@code state.savepoints.dir});
     * waits for it and returns its path.
     *
     * @throws IOException with the JobManager's reason when the savepoint failed
     */
    public String triggerSavepoint(JobID jobId, String targetDirectory) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        if (targetDirectory != null) {
            body.put("target-directory", targetDirectory);
        }
        return awaitSavepoint(jobId, "/jobs/" + jobId + "/savepoints", body);
    }

    /**
     * Stops a running job with a savepoint (drained first with {@code drain}); waits until the job has ended and
     * returns the savepoint's path.
     *
     * @throws IOException with the JobManager's reason when the savepoint failed (the job then goes on)
     */
    public String stopWithSavepoint(JobID jobId, String targetDirectory, boolean drain) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        if (targetDirectory != null) {
            body.put("targetDirectory", targetDirectory);
        }
        body.put("drain", drain);
        return awaitSavepoint(jobId, "/jobs/" + jobId + "/stop", body);
    }

    private String awaitSavepoint(JobID jobId, String path, com.fasterxml.jackson.databind.node.ObjectNode body)
            throws IOException {
        JsonNode trigger = send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "trigger a savepoint of job " + jobId);
        String triggerId = trigger.path("request-id").asText();
        while (true) {
            JsonNode status = send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "/savepoints/" + triggerId)).GET(),
                    "ask for savepoint " + triggerId + " of job " + jobId);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.hasNonNull("location")) {
                    return operation.get("location").asText();
                }
                throw new IOException("The savepoint of job " + jobId + " failed: "
                        + operation.path("failure-cause").path("serialized-throwable").asText());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the savepoint of job " + jobId, e);
            }
        }
    }

    // ---- cluster ----

    /**
     * Asks the cluster to shut itself down ({@code DELETE /cluster}); returns once the request is accepted, before
     * the cluster is gone. Only clusters that can end themselves (YARN) offer it.
     */
    public void shutDownCluster() throws IOException {
        send(HttpRequest.newBuilder(uri("/cluster")).DELETE(), "shut down the cluster");
    }

    public JobStatus getJobStatus(JobID jobId) throws IOException {
        return JobStatus.valueOf(jobDetails(jobId).path("state").asText());
    }

    /** {@code GET /jobs/:jobid}: state, start-time, end-time, duration, vertices. */
    public JsonNode jobDetails(JobID jobId) throws IOException {
        return send(HttpRequest.newBuilder(uri("/jobs/" + jobId)).GET(), "ask for job " + jobId);
    }

    /** The root exception of a failed job, as the JobManager printed it (its stack trace), or null. */
    public String rootException(JobID jobId) throws IOException {
        JsonNode exceptions = send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "/exceptions")).GET(),
                "ask for the exceptions of job " + jobId);
        JsonNode root = exceptions.get("root-exception");
        return root == null || root.isNull() ? null : root.asText();
    }

    /** Uploads the JobGraph and the jars it names ({@code file:} URLs or paths) and submits the job. */
    public JobID submitJob(JobGraph jobGraph) throws IOException {
        String boundary = "freshet-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ObjectNode request = JSON.createObjectNode();
        request.put("jobGraphFileName", "job.graph");
        ArrayNode jarNames = request.putArray("jobJarFileNames");
        request.putArray("jobArtifactFileNames");
        List<Path> jars = new ArrayList<>();
        for (String jar : jobGraph.getUserJars()) {
            Path path = FileUtils.localJarPath(jar);
            jars.add(path);
            jarNames.add(path.getFileName().toString());
        }
        part(body, boundary, "request", null, "application/json", JSON.writeValueAsBytes(request));
        part(body, boundary, "job.graph", "job.graph", "application/octet-stream", JobGraphSerializer.serialize(jobGraph));
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            part(body, boundary, name, name, "application/java-archive", Files.readAllBytes(jar));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode answer = send(HttpRequest.newBuilder(uri("/jobs"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                "submit job " + jobGraph.getJobID() + " (" + jobGraph.getName() + ")");
        String jobUrl = answer.path("jobUrl").asText("");
        return jobUrl.startsWith("/jobs/") ? JobID.fromHexString(jobUrl.substring("/jobs/".length()))
                : jobGraph.getJobID();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName,
            String contentType, byte[] content) throws IOException {
        StringBuilder header = new StringBuilder("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append('"');
        if (fileName != null) {
            header.append("; filename=\"").append(fileName).append('"');
        }
        header.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        body.write(header.toString().getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    // ---- transport ----

    private URI uri(String path) {
        return baseUri.resolve(path);
    }

    private JsonNode send(HttpRequest.Builder request, String what) throws IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new IOException("Could not " + what + ": the JobManager's REST endpoint at " + baseUri
                    + " cannot be reached (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "). Is the cluster running? Start it with bin/start-cluster.sh, or point -m <host:port> (or"
                    + " '" + RestOptions.ADDRESS.key() + "'/'" + RestOptions.PORT.key() + "') at it.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while trying to " + what + ".", e);
        }
        JsonNode answer = response.body().isEmpty() ? JSON.createObjectNode() : parse(response.body(), what);
        if (response.statusCode() >= 400) {
            List<String> errors = new ArrayList<>();
            for (JsonNode error : answer.path("errors")) {
                errors.add(error.asText());
            }
            throw new IOException("Could not " + what + ": the JobManager at " + baseUri + " answered "
                    + response.statusCode() + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)));
        }
        return answer;
    }

    private JsonNode parse(String body, String what) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IOException("Could not " + what + ": the answer from " + baseUri + " is not JSON: "
                    + body.substring(0, Math.min(200, body.length())), e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end with it
    }
}
