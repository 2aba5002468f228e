package io.freshet.runtime.rest.handler;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.WebOptions;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.dispatcher.JobStatusMessage;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.TaskManagerInfo;
import io.freshet.runtime.rest.HandlerRequest;
import io.freshet.runtime.rest.RestResponse;
import io.freshet.runtime.rest.Router;
import io.netty.handler.codec.http.HttpMethod;

/**
 * The cluster-wide endpoints: {@code GET /config} (what the Web UI reads first: version, refresh interval, which
 * features are on), {@code GET /overview} (TaskManagers, slots, jobs by state) and {@code GET /jobmanager/config}
 * (the JobManager's effective configuration as key/value pairs), and {@code DELETE /cluster} (shuts the cluster
 * down) where the cluster can shut itself down (YARN).
 */
public final class ClusterHandlers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code /config} and {@code /overview} report as {@code flink-version}. */
    public static final String VERSION = versionOf(ClusterHandlers.class.getPackage().getImplementationVersion());

    private final DispatcherGateway dispatcher;
    private final ResourceManagerGateway resourceManager;
    private final Configuration configuration;
    private final Duration timeout;
    private final Runnable clusterShutdown;

    public ClusterHandlers(DispatcherGateway dispatcher, ResourceManagerGateway resourceManager,
            Configuration configuration, Duration timeout) {
        this(dispatcher, resourceManager, configuration, timeout, null);
    }

    /**
     * @param clusterShutdown starts the shutdown of the whole cluster and returns at once (the answer to
     *     {@code DELETE /cluster} goes out while it runs); null: the cluster has no {@code DELETE /cluster}
     */
    public ClusterHandlers(DispatcherGateway dispatcher, ResourceManagerGateway resourceManager,
            Configuration configuration, Duration timeout, Runnable clusterShutdown) {
        this.dispatcher = dispatcher;
        this.resourceManager = resourceManager;
        this.configuration = configuration;
        this.timeout = timeout;
        this.clusterShutdown = clusterShutdown;
    }

    public void register(Router.Builder router) {
        router.add(HttpMethod.GET, "/config", this::dashboardConfig)
                .add(HttpMethod.GET, "/overview", this::overview)
                .add(HttpMethod.GET, "/jobmanager/config", this::jobManagerConfig);
        if (clusterShutdown != null) {
            router.add(HttpMethod.DELETE, "/cluster", this::shutDownCluster);
        }
    }

    private CompletableFuture<RestResponse> shutDownCluster(HandlerRequest request) {
        clusterShutdown.run();
        return CompletableFuture.completedFuture(RestResponse.ok(JSON.createObjectNode()));
    }

    private CompletableFuture<RestResponse> dashboardConfig(HandlerRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("refresh-interval", configuration.get(WebOptions.REFRESH_INTERVAL).toMillis());
        ZoneId zone = ZoneId.systemDefault();
        body.put("timezone-name", zone.getId());
        body.put("timezone-offset", zone.getRules().getOffset(java.time.Instant.now()).getTotalSeconds() * 1000L);
        body.put("flink-version", VERSION);
        body.put("flink-revision", "<unknown>");
        ObjectNode features = body.putObject("features");
        features.put("web-submit", configuration.get(WebOptions.SUBMIT_ENABLE));
        features.put("web-cancel", configuration.get(WebOptions.CANCEL_ENABLE));
        features.put("web-rescale", false);
        features.put("web-history", false);
        return CompletableFuture.completedFuture(RestResponse.ok(body));
    }

    private CompletableFuture<RestResponse> overview(HandlerRequest request) {
        CompletableFuture<Collection<TaskManagerInfo>> taskManagers = resourceManager.requestTaskManagerInfo(timeout);
        CompletableFuture<Collection<JobStatusMessage>> jobs = dispatcher.listJobs(timeout);
        return taskManagers.thenCombine(jobs, (tms, jobList) -> {
            int slots = 0;
            int free = 0;
            for (TaskManagerInfo tm : tms) {
                slots += tm.getNumberOfSlots();
                free += tm.getFreeSlots();
            }
            int running = 0;
            int finished = 0;
            int cancelled = 0;
            int failed = 0;
            for (JobStatusMessage job : jobList) {
                switch (job.getJobState()) {
                    case FINISHED:
                        finished++;
                        break;
                    case CANCELED:
                        cancelled++;
                        break;
                    case FAILED:
                        failed++;
                        break;
                    default:
                        if (!job.getJobState().isTerminalState()) {
                            running++;
                        }
                }
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("taskmanagers", tms.size());
            body.put("slots-total", slots);
            body.put("slots-available", free);
            body.put("jobs-running", running);
            body.put("jobs-finished", finished);
            body.put("jobs-cancelled", cancelled);
            body.put("jobs-failed", failed);
            body.put("flink-version", VERSION);
            body.put("flink-commit", "<unknown>");
            return RestResponse.ok(body);
        });
    }

    private CompletableFuture<RestResponse> jobManagerConfig(HandlerRequest request) {
        ArrayNode body = JSON.createArrayNode();
        configuration.toMap().forEach((key, value) -> {
            if (!isSensitive(key)) {
                body.addObject().put("key", key).put("value", value);
            }
        });
        return CompletableFuture.completedFuture(RestResponse.ok(body));
    }

    /** Keys whose values are never shown (passwords, secrets), as Flink hides them. */
    static boolean isSensitive(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("password") || lower.contains("secret") || lower.endsWith(".key")
                || lower.contains("token");
    }

    private static String versionOf(String implementationVersion) {
        return implementationVersion == null || implementationVersion.isBlank() ? "<unknown>" : implementationVersion;
    }
}
