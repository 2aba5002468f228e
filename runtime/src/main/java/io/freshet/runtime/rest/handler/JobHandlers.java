package io.freshet.runtime.rest.handler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.dispatcher.DuplicateJobSubmissionException;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph.ArchivedInput;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph.ArchivedJobVertex;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph.ArchivedSubtask;
import io.freshet.runtime.executiongraph.ErrorInfo;
import io.freshet.runtime.executiongraph.IOMetrics;
import io.freshet.runtime.jobgraph.InvalidJobGraphException;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobGraphSerializer;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.rest.HandlerRequest;
import io.freshet.runtime.rest.HandlerRequest.MultipartForm;
import io.freshet.runtime.rest.HandlerRequest.UploadedFile;
import io.freshet.runtime.rest.RestHandlerException;
import io.freshet.runtime.rest.RestResponse;
import io.freshet.runtime.rest.Router;
import io.freshet.runtime.util.FileUtils;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The job endpoints of Flink's REST API, with its paths and JSON field names: {@code GET /jobs},
 * {@code /jobs/overview}, {@code /jobs/:jobid}, {@code /jobs/:jobid/exceptions},
 * {@code /jobs/:jobid/vertices/:vertexid/taskmanagers}, {@code PATCH /jobs/:jobid?mode=cancel} and
 * {@code POST /jobs} (a serialized JobGraph with its jars, as {@code bin/flink run} sends it).
 */
public final class JobHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(JobHandlers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A savepoint takes as long as its state takes to write: bounded by the checkpoint timeout, not the RPC one. */
    private static final Duration SAVEPOINT_WAIT = Duration.ofDays(1);

    /** Waiting for a job's end (to release its jars) is not bounded by the RPC timeout. */
    private static final Duration JOB_END_WAIT = Duration.ofDays(365);

    private final DispatcherGateway dispatcher;
    private final Duration timeout;
    private final Path uploadDirectory;
    private final BlobServer blobServer;

    /**
     * @param uploadDirectory where submissions are received before their jars move into the BlobServer
     * @param blobServer keeps the jars of submitted jobs until they end; TaskExecutors download them from it
     */
    public JobHandlers(DispatcherGateway dispatcher, Duration timeout, Path uploadDirectory, BlobServer blobServer) {
        this.dispatcher = dispatcher;
        this.timeout = timeout;
        this.uploadDirectory = uploadDirectory;
        this.blobServer = blobServer;
    }

    public void register(Router.Builder router) {
        router.add(HttpMethod.GET, "/jobs", this::listJobIds)
                .add(HttpMethod.GET, "/jobs/overview", this::jobsOverview)
                .add(HttpMethod.GET, "/jobs/:jobid", this::jobDetails)
                .add(HttpMethod.GET, "/jobs/:jobid/exceptions", this::jobExceptions)
                .add(HttpMethod.GET, "/jobs/:jobid/checkpoints", this::jobCheckpoints)
                .add(HttpMethod.GET, "/jobs/:jobid/checkpoints/config", this::jobCheckpointConfig)
                .add(HttpMethod.POST, "/jobs/:jobid/savepoints", this::triggerSavepoint)
                .add(HttpMethod.POST, "/jobs/:jobid/stop", this::stopWithSavepoint)
                .add(HttpMethod.GET, "/jobs/:jobid/savepoints/:triggerid", this::savepointStatus)
                .add(HttpMethod.GET, "/jobs/:jobid/vertices/:vertexid/taskmanagers", this::vertexTaskManagers)
                .add(HttpMethod.PATCH, "/jobs/:jobid", this::cancelJob)
                .add(HttpMethod.POST, "/jobs", this::submitJob);
    }

    // ---- listings ----

    private CompletableFuture<RestResponse> listJobIds(HandlerRequest request) {
        return dispatcher.listJobs(timeout).thenApply(jobs -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode array = body.putArray("jobs");
            jobs.forEach(job -> array.addObject().put("id", job.getJobId().toString())
                    .put("status", job.getJobState().name()));
            return RestResponse.ok(body);
        });
    }

    private CompletableFuture<RestResponse> jobsOverview(HandlerRequest request) {
        return dispatcher.requestJobs(timeout).thenApply(jobs -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode array = body.putArray("jobs");
            long now = System.currentTimeMillis();
            for (ArchivedExecutionGraph job : jobs) {
                array.add(jobOverview(job, now));
            }
            return RestResponse.ok(body);
        });
    }

    /** One entry of {@code /jobs/overview} (Flink's {@code JobDetails}). */
    static ObjectNode jobOverview(ArchivedExecutionGraph job, long now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("jid", job.getJobId().toString());
        node.put("name", job.getJobName());
        node.put("start-time", job.getStartTime());
        node.put("end-time", job.getEndTime());
        node.put("duration", duration(job.getStartTime(), job.getEndTime(), now));
        node.put("state", job.getState().name());
        node.put("last-modification", lastModification(job));
        ObjectNode tasks = node.putObject("tasks");
        tasks.put("total", job.getTotalNumberOfTasks());
        int[] counts = job.getTaskStateCounts();
        for (ExecutionState state : ExecutionState.values()) {
            tasks.put(state.name().toLowerCase(Locale.ROOT), counts[state.ordinal()]);
        }
        return node;
    }

    // ---- one job ----

    private CompletableFuture<RestResponse> jobDetails(HandlerRequest request) throws RestHandlerException {
        JobID jobId = HandlerUtils.jobId(request);
        return dispatcher.requestJob(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId))
                .thenApply(job -> RestResponse.ok(jobDetailsJson(job, System.currentTimeMillis())));
    }

    static ObjectNode jobDetailsJson(ArchivedExecutionGraph job, long now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("jid", job.getJobId().toString());
        node.put("name", job.getJobName());
        node.put("isStoppable", false);
        node.put("state", job.getState().name());
        node.put("job-type", job.getJobType().name());
        node.put("start-time", job.getStartTime());
        node.put("end-time", job.getEndTime());
        node.put("duration", duration(job.getStartTime(), job.getEndTime(), now));
        node.put("maxParallelism", -1);
        node.put("now", now);
        ObjectNode timestamps = node.putObject("timestamps");
        for (JobStatus status : JobStatus.values()) {
            timestamps.put(status.name(), job.getStatusTimestamp(status));
        }
        ArrayNode vertices = node.putArray("vertices");
        for (ArchivedJobVertex vertex : job.getVertices()) {
            ObjectNode v = vertices.addObject();
            v.put("id", vertex.getId().toString());
            v.put("name", vertex.getName());
            v.put("maxParallelism", vertex.getMaxParallelism());
            v.put("parallelism", vertex.getParallelism());
            v.put("status", vertex.getAggregateState().name());
            v.put("start-time", vertex.getStartTime());
            v.put("end-time", vertex.getEndTime());
            v.put("duration", duration(vertex.getStartTime(), vertex.getEndTime(), now));
            v.set("tasks", stateCounts(vertex.getStateCounts()));
            v.set("metrics", metrics(vertex.getSubtasks()));
        }
        node.set("status-counts", vertexStatusCounts(job));
        node.set("plan", plan(job));
        return node;
    }

    private static ObjectNode vertexStatusCounts(ArchivedExecutionGraph job) {
        int[] counts = new int[ExecutionState.values().length];
        for (ArchivedJobVertex vertex : job.getVertices()) {
            counts[vertex.getAggregateState().ordinal()]++;
        }
        return stateCounts(counts);
    }

    private static ObjectNode plan(ArchivedExecutionGraph job) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("jid", job.getJobId().toString());
        plan.put("name", job.getJobName());
        plan.put("type", job.getJobType().name());
        ArrayNode nodes = plan.putArray("nodes");
        for (ArchivedJobVertex vertex : job.getVertices()) {
            ObjectNode n = nodes.addObject();
            n.put("id", vertex.getId().toString());
            n.put("parallelism", vertex.getParallelism());
            n.put("operator", "");
            n.put("operator_strategy", "");
            n.put("description", vertex.getName());
            if (!vertex.getInputs().isEmpty()) {
                ArrayNode inputs = n.putArray("inputs");
                int num = 0;
                for (ArchivedInput input : vertex.getInputs()) {
                    inputs.addObject().put("num", num++).put("id", input.getProducerId().toString())
                            .put("ship_strategy", input.getShipStrategy()).put("exchange", input.getExchange());
                }
            }
            n.putObject("optimizer_properties");
        }
        return plan;
    }

    private CompletableFuture<RestResponse> jobExceptions(HandlerRequest request) throws RestHandlerException {
        JobID jobId = HandlerUtils.jobId(request);
        int maxExceptions = parseMaxExceptions(request);
        return dispatcher.requestJob(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId))
                .thenApply(job -> RestResponse.ok(exceptionsJson(job, maxExceptions)));
    }

    // ---- savepoints ----

    /** Savepoints in progress or done, by trigger id (kept while the handlers live; small). */
    private final Map<String, CompletableFuture<String>> savepoints = new java.util.concurrent.ConcurrentHashMap<>();

    private CompletableFuture<RestResponse> triggerSavepoint(HandlerRequest request) throws RestHandlerException {
        JsonNode body = request.getBody().length == 0 ? JSON.createObjectNode() : request.getJsonBody();
        String target = body.hasNonNull("target-directory") ? body.get("target-directory").asText() : null;
        return startSavepoint(HandlerUtils.jobId(request), target, body.path("cancel-job").asBoolean(false));
    }

    private CompletableFuture<RestResponse> stopWithSavepoint(HandlerRequest request) throws RestHandlerException {
        JsonNode body = request.getBody().length == 0 ? JSON.createObjectNode() : request.getJsonBody();
        String target = body.hasNonNull("targetDirectory") ? body.get("targetDirectory").asText() : null;
        boolean drain = body.path("drain").asBoolean(false);
        JobID jobId = HandlerUtils.jobId(request);
        return startSavepoint(jobId, () -> dispatcher.stopWithSavepoint(jobId, target, drain, SAVEPOINT_WAIT));
    }

    private CompletableFuture<RestResponse> startSavepoint(JobID jobId, String target, boolean cancelJob) {
        return startSavepoint(jobId, () -> dispatcher.triggerSavepoint(jobId, target, cancelJob, SAVEPOINT_WAIT));
    }

    private CompletableFuture<RestResponse> startSavepoint(JobID jobId,
            java.util.function.Supplier<CompletableFuture<String>> savepoint) {
        return dispatcher.requestJobStatus(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId))
                .thenApply(status -> {
                    if (status.isTerminalState()) {
                        throw new CompletionException(new RestHandlerException("Job " + jobId + " has already ended "
                                + status + "; it cannot take a savepoint.", HttpResponseStatus.CONFLICT));
                    }
                    String triggerId = new io.freshet.util.AbstractID().toString();
                    savepoints.put(jobId + "/" + triggerId, savepoint.get());
                    ObjectNode node = JSON.createObjectNode().put("request-id", triggerId);
                    return RestResponse.of(HttpResponseStatus.ACCEPTED, node);
                });
    }

    private CompletableFuture<RestResponse> savepointStatus(HandlerRequest request) throws RestHandlerException {
        JobID jobId = HandlerUtils.jobId(request);
        String triggerId = request.getPathParameter("triggerid");
        CompletableFuture<String> savepoint = savepoints.get(jobId + "/" + triggerId);
        if (savepoint == null) {
            throw RestHandlerException.notFound("There is no savepoint operation " + triggerId + " for job " + jobId
                    + ".");
        }
        ObjectNode node = JSON.createObjectNode();
        if (!savepoint.isDone()) {
            node.putObject("status").put("id", "IN_PROGRESS");
            return CompletableFuture.completedFuture(RestResponse.ok(node));
        }
        node.putObject("status").put("id", "COMPLETED");
        ObjectNode operation = node.putObject("operation");
        try {
            operation.put("location", savepoint.join());
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = HandlerUtils.unwrap(e);
            java.io.StringWriter trace = new java.io.StringWriter();
            cause.printStackTrace(new java.io.PrintWriter(trace));
            operation.putObject("failure-cause").put("class", cause.getClass().getName())
                    .put("stack-trace", trace.toString())
                    .put("serialized-throwable", String.valueOf(cause.getMessage()));
        }
        return CompletableFuture.completedFuture(RestResponse.ok(node));
    }

    // ---- checkpoints ----

    private CompletableFuture<RestResponse> jobCheckpoints(HandlerRequest request) throws RestHandlerException {
        JobID jobId = HandlerUtils.jobId(request);
        return dispatcher.requestJob(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId))
                .thenApply(job -> checkpointStatsOf(job) == null ? checkpointsNotEnabled(jobId)
                        : RestResponse.ok(checkpointsJson(checkpointStatsOf(job))));
    }

    private CompletableFuture<RestResponse> jobCheckpointConfig(HandlerRequest request) throws RestHandlerException {
        JobID jobId = HandlerUtils.jobId(request);
        return dispatcher.requestJob(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId))
                .thenApply(job -> checkpointStatsOf(job) == null ? checkpointsNotEnabled(jobId)
                        : RestResponse.ok(checkpointConfigJson(checkpointStatsOf(job).settings)));
    }

    private static io.freshet.runtime.checkpoint.CheckpointStatsSnapshot checkpointStatsOf(ArchivedExecutionGraph job) {
        return job == null ? null : job.getCheckpointStatsSnapshot();
    }

    private static RestResponse checkpointsNotEnabled(JobID jobId) {
        throw new java.util.concurrent.CompletionException(RestHandlerException.notFound(
                "Checkpointing is not enabled for job " + jobId + " (set execution.checkpointing.interval, or call"
                        + " env.enableCheckpointing(...))."));
    }

    static ObjectNode checkpointsJson(io.freshet.runtime.checkpoint.CheckpointStatsSnapshot stats) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("counts").put("restored", stats.restored)
                .put("total", stats.completed + stats.failed + stats.inProgress)
                .put("in_progress", stats.inProgress).put("completed", stats.completed).put("failed", stats.failed);
        ObjectNode summary = node.putObject("summary");
        java.util.List<io.freshet.runtime.checkpoint.CheckpointStatsSnapshot.Stats> done = new ArrayList<>();
        for (io.freshet.runtime.checkpoint.CheckpointStatsSnapshot.Stats one : stats.history) {
            if ("COMPLETED".equals(one.status)) {
                done.add(one);
            }
        }
        summarize(summary.putObject("state_size"), done, one -> one.stateSize);
        summarize(summary.putObject("checkpointed_size"), done, one -> one.stateSize);
        summarize(summary.putObject("end_to_end_duration"), done, one -> one.getEndToEndDuration());
        ObjectNode latest = node.putObject("latest");
        if (stats.latestCompleted != null) {
            checkpointJson(latest.putObject("completed"), stats.latestCompleted);
        } else {
            latest.putNull("completed");
        }
        latest.putNull("savepoint");
        if (stats.latestFailed != null) {
            checkpointJson(latest.putObject("failed"), stats.latestFailed);
        } else {
            latest.putNull("failed");
        }
        if (stats.latestRestore != null) {
            ObjectNode restored = latest.putObject("restored");
            restored.put("id", stats.latestRestore.id).put("restore_timestamp", stats.latestRestore.restoreTimestamp)
                    .put("is_savepoint", false);
            if (stats.latestRestore.externalPath != null) {
                restored.put("external_path", stats.latestRestore.externalPath);
            } else {
                restored.putNull("external_path");
            }
        } else {
            latest.putNull("restored");
        }
        ArrayNode history = node.putArray("history");
        for (io.freshet.runtime.checkpoint.CheckpointStatsSnapshot.Stats one : stats.history) {
            checkpointJson(history.addObject(), one);
        }
        return node;
    }

    private static void summarize(ObjectNode node,
            java.util.List<io.freshet.runtime.checkpoint.CheckpointStatsSnapshot.Stats> checkpoints,
            java.util.function.ToLongFunction<io.freshet.runtime.checkpoint.CheckpointStatsSnapshot.Stats> value) {
        long min = checkpoints.stream().mapToLong(value).min().orElse(0);
        long max = checkpoints.stream().mapToLong(value).max().orElse(0);
        long avg = (long) checkpoints.stream().mapToLong(value).average().orElse(0);
        node.put("min", min).put("max", max).put("avg", avg);
    }

    private static void checkpointJson(ObjectNode node, io.freshet.runtime.checkpoint.CheckpointStatsSnapshot.Stats one) {
        node.put("@class", one.status.toLowerCase(java.util.Locale.ROOT))
                .put("id", one.id).put("status", one.status).put("is_savepoint", false)
                .put("checkpoint_type", "CHECKPOINT").put("trigger_timestamp", one.triggerTimestamp)
                .put("latest_ack_timestamp", one.latestAckTimestamp).put("state_size", one.stateSize)
                .put("checkpointed_size", one.stateSize).put("end_to_end_duration", one.getEndToEndDuration())
                .put("num_subtasks", one.numSubtasks).put("num_acknowledged_subtasks", one.numAcknowledged);
        if ("COMPLETED".equals(one.status)) {
            if (one.externalPath != null) {
                node.put("external_path", one.externalPath);
            } else {
                node.putNull("external_path");
            }
            node.put("discarded", false);
        }
        if ("FAILED".equals(one.status)) {
            node.put("failure_timestamp", one.latestAckTimestamp > 0 ? one.latestAckTimestamp : one.triggerTimestamp)
                    .put("failure_message", one.failureMessage);
        }
    }

    static ObjectNode checkpointConfigJson(io.freshet.runtime.checkpoint.CheckpointStatsSnapshot.Settings settings) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mode", settings.exactlyOnce ? "exactly_once" : "at_least_once").put("interval", settings.interval)
                .put("timeout", settings.timeout).put("min_pause", settings.minPause)
                .put("max_concurrent", settings.maxConcurrent);
        node.putObject("externalization")
                .put("enabled", !"NO_EXTERNALIZED_CHECKPOINTS".equals(settings.retention))
                .put("delete_on_cancellation", !"RETAIN_ON_CANCELLATION".equals(settings.retention));
        node.put("state_backend", "HashMapStateBackend").put("checkpoint_storage", settings.storage)
                .put("unaligned_checkpoints", settings.unaligned)
                .put("tolerable_failed_checkpoints", settings.tolerableFailures)
                .put("aligned_checkpoint_timeout", 0).put("checkpoints_after_tasks_finish", false)
                .put("state_changelog_enabled", false);
        return node;
    }

    private static int parseMaxExceptions(HandlerRequest request) throws RestHandlerException {
        String text = request.getQueryParameter("maxExceptions").orElse("20");
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw RestHandlerException.badRequest("Bad request: the query parameter maxExceptions is '" + text
                    + "'; it must be a number of 0 or more.");
        }
    }

    static ObjectNode exceptionsJson(ArchivedExecutionGraph job, int maxExceptions) {
        ObjectNode node = JSON.createObjectNode();
        ErrorInfo root = job.getFailureInfo();
        if (root != null) {
            node.put("root-exception", root.getStackTrace());
            node.put("timestamp", root.getTimestamp());
        } else {
            node.putNull("root-exception");
            node.putNull("timestamp");
        }
        // newest first, as Flink lists them
        List<ErrorInfo> history = new ArrayList<>(job.getExceptionHistory());
        java.util.Collections.reverse(history);
        boolean truncated = history.size() > maxExceptions;
        List<ErrorInfo> shown = truncated ? history.subList(0, maxExceptions) : history;
        ArrayNode all = node.putArray("all-exceptions");
        ObjectNode historyNode = node.putObject("exceptionHistory");
        ArrayNode entries = historyNode.putArray("entries");
        for (ErrorInfo error : shown) {
            if (error.getTaskName() != null) {
                all.addObject().put("exception", error.getStackTrace()).put("task", error.getTaskName())
                        .put("location", error.getLocation()).put("timestamp", error.getTimestamp())
                        .put("taskManagerId", error.getTaskManagerId());
            }
            ObjectNode entry = entries.addObject();
            entry.put("exceptionName", error.getExceptionName());
            entry.put("stacktrace", error.getStackTrace());
            entry.put("timestamp", error.getTimestamp());
            entry.put("taskName", error.getTaskName());
            entry.put("location", error.getLocation());
            entry.put("endpoint", error.getLocation());
            entry.put("taskManagerId", error.getTaskManagerId());
            entry.putObject("failureLabels");
            entry.putArray("concurrentExceptions");
        }
        node.put("truncated", truncated);
        historyNode.put("truncated", truncated);
        return node;
    }

    private CompletableFuture<RestResponse> vertexTaskManagers(HandlerRequest request) throws RestHandlerException {
        JobID jobId = HandlerUtils.jobId(request);
        JobVertexID vertexId = HandlerUtils.vertexId(request);
        return dispatcher.requestJob(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId))
                .thenApply(job -> {
                    ArchivedJobVertex vertex = job.getVertex(vertexId);
                    if (vertex == null) {
                        throw new CompletionException(RestHandlerException.notFound("Job " + jobId
                                + " has no vertex " + vertexId + "; its vertices are listed in /jobs/" + jobId + "."));
                    }
                    return RestResponse.ok(vertexTaskManagersJson(vertex, System.currentTimeMillis()));
                });
    }

    static ObjectNode vertexTaskManagersJson(ArchivedJobVertex vertex, long now) {
        Map<String, List<ArchivedSubtask>> byTaskManager = new LinkedHashMap<>();
        for (ArchivedSubtask subtask : vertex.getSubtasks()) {
            if (subtask.getTaskManagerId() != null) {
                byTaskManager.computeIfAbsent(subtask.getTaskManagerId(), id -> new ArrayList<>()).add(subtask);
            }
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("id", vertex.getId().toString());
        node.put("name", vertex.getName());
        node.put("now", now);
        ArrayNode taskManagers = node.putArray("taskmanagers");
        for (Map.Entry<String, List<ArchivedSubtask>> entry : byTaskManager.entrySet()) {
            List<ArchivedSubtask> subtasks = entry.getValue();
            ArchivedSubtask first = subtasks.get(0);
            int[] counts = new int[ExecutionState.values().length];
            long start = Long.MAX_VALUE;
            long end = -1;
            boolean allTerminal = true;
            for (ArchivedSubtask subtask : subtasks) {
                counts[subtask.getState().ordinal()]++;
                if (subtask.getStartTime() > 0) {
                    start = Math.min(start, subtask.getStartTime());
                }
                allTerminal &= subtask.getState().isTerminal();
                end = Math.max(end, subtask.getEndTime());
            }
            long startTime = start == Long.MAX_VALUE ? -1 : start;
            long endTime = allTerminal ? end : -1;
            String endpoint = first.getHost() + ":" + first.getDataPort();
            ObjectNode tm = taskManagers.addObject();
            tm.put("host", endpoint);
            tm.put("endpoint", endpoint);
            tm.put("taskmanager-id", entry.getKey());
            tm.put("status", ArchivedJobVertex.aggregateState(counts, subtasks.size()).name());
            tm.put("start-time", startTime);
            tm.put("end-time", endTime);
            tm.put("duration", duration(startTime, endTime, now));
            tm.set("metrics", metrics(subtasks));
            tm.set("status-counts", stateCounts(counts));
        }
        return node;
    }

    // ---- cancel ----

    private CompletableFuture<RestResponse> cancelJob(HandlerRequest request) throws RestHandlerException {
        JobID jobId = HandlerUtils.jobId(request);
        String mode = request.getQueryParameter("mode").orElse("cancel");
        if (!"cancel".equals(mode)) {
            throw RestHandlerException.badRequest("Bad request: mode '" + mode + "' is not supported; use"
                    + " PATCH /jobs/" + jobId + "?mode=cancel (stopping with a savepoint is 'POST /jobs/:jobid/stop').");
        }
        return dispatcher.requestJobStatus(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId))
                .thenCompose(status -> {
                    if (status.isTerminalState()) {
                        throw new CompletionException(new RestHandlerException("Job " + jobId + " has already ended "
                                + status + "; there is nothing to cancel.", HttpResponseStatus.CONFLICT));
                    }
                    return dispatcher.cancelJob(jobId, timeout).exceptionally(HandlerUtils.jobNotFoundAs404(jobId));
                })
                .thenApply(ack -> RestResponse.of(HttpResponseStatus.ACCEPTED, JSON.createObjectNode()));
    }

    // ---- submission ----

    private CompletableFuture<RestResponse> submitJob(HandlerRequest request) throws Exception {
        Path uploads = uploadDirectory.resolve("upload-" + java.util.UUID.randomUUID());
        MultipartForm form = request.getMultipartForm(uploads);
        JobGraph jobGraph;
        try {
            jobGraph = readSubmission(form);
        } catch (RestHandlerException | IOException | RuntimeException e) {
            deleteRecursively(uploads);
            throw e;
        }
        JobID jobId = jobGraph.getJobID();
        return dispatcher.submitJob(jobGraph, timeout).handle((ack, failure) -> {
            if (failure == null) {
                LOG.info("Job '{}' ({}) submitted through the REST API.", jobGraph.getName(), jobId);
                // the job's jars are needed until it ends (a restart loads them again)
                dispatcher.requestJobResult(jobId, JOB_END_WAIT)
                        .whenComplete((result, error) -> blobServer.cleanupJob(jobId));
                return RestResponse.of(HttpResponseStatus.ACCEPTED,
                        JSON.createObjectNode().put("jobUrl", "/jobs/" + jobId));
            }
            Throwable cause = HandlerUtils.unwrap(failure);
            if (!(cause instanceof DuplicateJobSubmissionException)) {
                blobServer.cleanupJob(jobId);
            }
            if (cause instanceof DuplicateJobSubmissionException) {
                throw new CompletionException(new RestHandlerException(cause.getMessage(), HttpResponseStatus.CONFLICT));
            }
            if (cause instanceof InvalidJobGraphException) {
                throw new CompletionException(RestHandlerException.badRequest("Job '" + jobGraph.getName() + "' ("
                        + jobId + ") is invalid: " + cause.getMessage()));
            }
            throw new CompletionException(new RestHandlerException("Could not submit job '" + jobGraph.getName()
                    + "' (" + jobId + "): " + cause.getMessage(), HttpResponseStatus.INTERNAL_SERVER_ERROR, cause));
        }).whenComplete((answer, failure) -> deleteRecursively(uploads));
    }

    /** The JobGraph of a {@code POST /jobs} form, its jars stored in the BlobServer and named by their URLs. */
    private JobGraph readSubmission(MultipartForm form) throws RestHandlerException, IOException {
        String requestText = form.getText("request").orElseThrow(() -> RestHandlerException.badRequest(
                "Bad request: the form has no 'request' part (JSON with jobGraphFileName and jobJarFileNames)."));
        JsonNode submission;
        try {
            submission = JSON.readTree(requestText);
        } catch (IOException e) {
            throw RestHandlerException.badRequest("Bad request: the 'request' part is not valid JSON: " + e.getMessage());
        }
        String graphFileName = submission.path("jobGraphFileName").asText("");
        if (graphFileName.isEmpty()) {
            throw RestHandlerException.badRequest("Bad request: the 'request' part names no jobGraphFileName.");
        }
        UploadedFile graphFile = form.findByFileName(graphFileName).orElseThrow(() -> RestHandlerException.badRequest(
                "Bad request: the job graph file '" + graphFileName + "' named in the request was not uploaded."));
        JobGraph jobGraph;
        try {
            jobGraph = JobGraphSerializer.deserialize(Files.readAllBytes(graphFile.getPath()));
        } catch (IOException | RuntimeException e) {
            throw RestHandlerException.badRequest("Bad request: '" + graphFileName + "' is not a job graph this"
                    + " JobManager can read: " + e.getMessage());
        }
        List<String> jarNames = new ArrayList<>();
        for (JsonNode name : submission.path("jobJarFileNames")) {
            jarNames.add(name.asText());
        }
        List<UploadedFile> jarFiles = new ArrayList<>();
        for (String jarName : jarNames) {
            jarFiles.add(form.findByFileName(jarName).orElseThrow(() -> RestHandlerException.badRequest(
                    "Bad request: the jar '" + jarName + "' named in the request was not uploaded.")));
        }
        List<String> jars = new ArrayList<>();
        try {
            for (UploadedFile jar : jarFiles) {
                jars.add(blobServer.putJar(jobGraph.getJobID(), jar.getPath()));
            }
        } catch (IOException e) {
            blobServer.cleanupJob(jobGraph.getJobID());
            throw e;
        }
        jobGraph.setJars(jars);
        return jobGraph;
    }

    private static void deleteRecursively(Path path) {
        try {
            FileUtils.deleteRecursively(path);
        } catch (IOException e) {
            LOG.warn("Could not delete {}; remove it by hand.", path, e);
        }
    }

    // ---- shared JSON pieces ----

    static long duration(long start, long end, long now) {
        if (start <= 0) {
            return -1;
        }
        return (end > 0 ? end : now) - start;
    }

    private static long lastModification(ArchivedExecutionGraph job) {
        long last = 0;
        for (JobStatus status : JobStatus.values()) {
            last = Math.max(last, job.getStatusTimestamp(status));
        }
        for (ArchivedJobVertex vertex : job.getVertices()) {
            for (ArchivedSubtask subtask : vertex.getSubtasks()) {
                for (ExecutionState state : ExecutionState.values()) {
                    last = Math.max(last, subtask.getStateTimestamp(state));
                }
            }
        }
        return last;
    }

    static ObjectNode stateCounts(int[] counts) {
        ObjectNode node = JSON.createObjectNode();
        for (ExecutionState state : ExecutionState.values()) {
            node.put(state.name(), counts[state.ordinal()]);
        }
        return node;
    }

    /** Flink's vertex metrics block; records and bytes are not counted yet, times come from finished attempts. */
    private static ObjectNode metrics(Collection<ArchivedSubtask> subtasks) {
        long busy = 0;
        long idle = 0;
        long backPressured = 0;
        for (ArchivedSubtask subtask : subtasks) {
            IOMetrics io = subtask.getIOMetrics();
            if (io != null) {
                busy += io.getAccumulateBusyTime();
                idle += io.getAccumulateIdleTime();
                backPressured += io.getAccumulateBackPressuredTime();
            }
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("read-bytes", 0).put("read-bytes-complete", false).put("write-bytes", 0)
                .put("write-bytes-complete", false).put("read-records", 0).put("read-records-complete", false)
                .put("write-records", 0).put("write-records-complete", false)
                .put("accumulated-backpressured-time", backPressured).put("accumulated-idle-time", idle)
                .put("accumulated-busy-time", busy);
        return node;
    }
}
