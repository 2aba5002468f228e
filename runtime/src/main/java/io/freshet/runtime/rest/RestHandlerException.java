package io.freshet.runtime.rest;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A request the handler refuses: answered with {@code status} and {@code {"errors": [message]}}. */
public final class RestHandlerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public RestHandlerException(String message, HttpResponseStatus status) {
        super(message);
        this.statusCode = status.code();
    }

    public RestHandlerException(String message, HttpResponseStatus status, Throwable cause) {
        super(message, cause);
        this.statusCode = status.code();
    }

    public HttpResponseStatus getStatus() {
        return HttpResponseStatus.valueOf(statusCode);
    }

    public static RestHandlerException badRequest(String message) {
        return new RestHandlerException(message, HttpResponseStatus.BAD_REQUEST);
    }

    public static RestHandlerException notFound(String message) {
        return new RestHandlerException(message, HttpResponseStatus.NOT_FOUND);
    }
}
