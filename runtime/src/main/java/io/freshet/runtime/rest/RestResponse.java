package io.freshet.runtime.rest;

import java.util.Objects;

import io.netty.handler.codec.http.HttpResponseStatus;

/** A handler's answer: a status and a body that the endpoint writes as JSON (Jackson). */
public final class RestResponse {

    private final HttpResponseStatus status;
    private final Object body;

    private RestResponse(HttpResponseStatus status, Object body) {
        this.status = Objects.requireNonNull(status, "status");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** 200 with {@code body} (a Jackson tree or any object Jackson can write). */
    public static RestResponse ok(Object body) {
        return new RestResponse(HttpResponseStatus.OK, body);
    }

    public static RestResponse of(HttpResponseStatus status, Object body) {
        return new RestResponse(status, body);
    }

    public HttpResponseStatus getStatus() {
        return status;
    }

    public Object getBody() {
        return body;
    }
}
