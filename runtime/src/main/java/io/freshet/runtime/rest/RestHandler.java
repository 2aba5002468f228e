package io.freshet.runtime.rest;

import java.util.concurrent.CompletableFuture;

/**
 * Answers the requests of one route. Handlers run on the endpoint's handler threads ({@code rest.server.numThreads}),
 * so they may block briefly (writing an upload); they should hand longer waits to futures. A
 * {@link RestHandlerException}, thrown or completing the future, becomes its status and {@code {"errors": [...]}};
 * any other failure becomes 500 with the failure's stack trace.
 */
@FunctionalInterface
public interface RestHandler {

    CompletableFuture<RestResponse> handleRequest(HandlerRequest request) throws Exception;
}
