package io.freshet.runtime.rest.handler;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.freshet.api.common.JobID;
import io.freshet.runtime.dispatcher.FlinkJobNotFoundException;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.rest.HandlerRequest;
import io.freshet.runtime.rest.RestHandlerException;

/** Parsing of path parameters and translation of RPC failures into REST answers, shared by the handlers. */
final class HandlerUtils {

    private HandlerUtils() {}

    static JobID jobId(HandlerRequest request) throws RestHandlerException {
        String text = request.getPathParameter("jobid");
        try {
            return JobID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest("Bad request: the path parameter jobid '" + text
                    + "' is not a job id. " + e.getMessage());
        }
    }

    static JobVertexID vertexId(HandlerRequest request) throws RestHandlerException {
        String text = request.getPathParameter("vertexid");
        try {
            return JobVertexID.fromHexString(text);
        } catch (IllegalArgumentException e) {
            throw RestHandlerException.badRequest("Bad request: the path parameter vertexid '" + text
                    + "' is not a vertex id (32 hexadecimal digits, as listed in /jobs/:jobid).");
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Maps an unknown job to 404 and passes every other failure on. */
    static <T> Function<Throwable, T> jobNotFoundAs404(JobID jobId) {
        return failure -> {
            Throwable cause = unwrap(failure);
            if (cause instanceof FlinkJobNotFoundException) {
                throw new CompletionException(RestHandlerException.notFound("Job " + jobId + " not found: it is"
                        + " not running here, and finished jobs are kept only for 'jobstore.expiration-time'."));
            }
            throw failure instanceof CompletionException ? (CompletionException) failure
                    : new CompletionException(failure);
        };
    }
}
