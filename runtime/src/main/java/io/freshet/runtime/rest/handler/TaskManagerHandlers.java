package io.freshet.runtime.rest.handler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.TaskManagerInfo;
import io.freshet.runtime.rest.HandlerRequest;
import io.freshet.runtime.rest.RestHandlerException;
import io.freshet.runtime.rest.RestResponse;
import io.freshet.runtime.rest.Router;
import io.freshet.runtime.taskexecutor.TaskExecutorRegistration;
import io.netty.handler.codec.http.HttpMethod;

/** {@code GET /taskmanagers} and {@code GET /taskmanagers/:taskmanagerid}, from the ResourceManager's registry. */
public final class TaskManagerHandlers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResourceManagerGateway resourceManager;
    private final Duration timeout;

    public TaskManagerHandlers(ResourceManagerGateway resourceManager, Duration timeout) {
        this.resourceManager = resourceManager;
        this.timeout = timeout;
    }

    public void register(Router.Builder router) {
        router.add(HttpMethod.GET, "/taskmanagers", this::listTaskManagers)
                .add(HttpMethod.GET, "/taskmanagers/:taskmanagerid", this::taskManagerDetails);
    }

    private CompletableFuture<RestResponse> listTaskManagers(HandlerRequest request) {
        return resourceManager.requestTaskManagerInfo(timeout).thenApply(taskManagers -> {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode array = body.putArray("taskmanagers");
            taskManagers.forEach(tm -> array.add(taskManagerJson(tm)));
            return RestResponse.ok(body);
        });
    }

    private CompletableFuture<RestResponse> taskManagerDetails(HandlerRequest request) {
        String id = request.getPathParameter("taskmanagerid");
        return resourceManager.requestTaskManagerInfo(timeout).thenApply(taskManagers -> {
            for (TaskManagerInfo tm : taskManagers) {
                if (tm.getRegistration().getResourceId().toString().equals(id)) {
                    ObjectNode body = taskManagerJson(tm);
                    body.set("metrics", metrics(tm.getRegistration()));
                    body.putArray("allocatedSlots");
                    return RestResponse.ok(body);
                }
            }
            throw new CompletionException(RestHandlerException.notFound("TaskManager " + id + " is not registered"
                    + " at the ResourceManager; GET /taskmanagers lists the registered ones."));
        });
    }

    static ObjectNode taskManagerJson(TaskManagerInfo tm) {
        TaskExecutorRegistration registration = tm.getRegistration();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", registration.getResourceId().toString());
        node.put("path", registration.getRpcAddress());
        node.put("dataPort", registration.getDataPort());
        node.put("jmxPort", -1);
        node.put("timeSinceLastHeartbeat", tm.getLastHeartbeatMillis());
        node.put("slotsNumber", tm.getNumberOfSlots());
        node.put("freeSlots", tm.getFreeSlots());
        node.set("totalResource", resource(registration, tm.getNumberOfSlots(), tm.getNumberOfSlots()));
        node.set("freeResource", resource(registration, tm.getFreeSlots(), tm.getNumberOfSlots()));
        ObjectNode hardware = node.putObject("hardware");
        hardware.put("cpuCores", registration.getCpuCores());
        hardware.put("physicalMemory", registration.getPhysicalMemoryBytes());
        hardware.put("freeMemory", registration.getFreeHeapBytes());
        hardware.put("managedMemory", registration.getManagedMemoryBytes());
        node.put("blocked", false);
        return node;
    }

    /** Resources of {@code slots} of the TaskExecutor's {@code totalSlots} equal slots (managed memory split evenly). */
    private static ObjectNode resource(TaskExecutorRegistration registration, int slots, int totalSlots) {
        ObjectNode node = JSON.createObjectNode();
        double share = totalSlots == 0 ? 0 : (double) slots / totalSlots;
        node.put("cpuCores", registration.getCpuCores() * share);
        node.put("taskHeapMemory", 0);
        node.put("taskOffHeapMemory", 0);
        node.put("managedMemory", (long) (registration.getManagedMemoryBytes() * share));
        node.put("networkMemory", 0);
        node.putObject("extendedResources");
        return node;
    }

    private static ObjectNode metrics(TaskExecutorRegistration registration) {
        ObjectNode node = JSON.createObjectNode();
        node.put("heapFree", registration.getFreeHeapBytes());
        node.put("managedMemoryTotal", registration.getManagedMemoryBytes());
        return node;
    }
}
