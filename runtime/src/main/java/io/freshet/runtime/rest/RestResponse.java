package io.freshet.runtime.rest;

import java.util.Objects;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A handler's answer: a status and a body that the endpoint writes as JSON (Jackson), or a file that it streams
 * from disk as it is ({@link #file}).
 */
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

    /** 200 with the bytes of {@code file}, streamed from disk (zero-copy), as {@code contentType}. */
    public static RestResponse file(java.nio.file.Path file, String contentType) {
        return new RestResponse(HttpResponseStatus.OK, new FileBody(file, contentType));
    }

    /** The body of a {@link #file} answer. */
    static final class FileBody {
        final java.nio.file.Path path;
        final String contentType;

        FileBody(java.nio.file.Path path, String contentType) {
            this.path = Objects.requireNonNull(path, "path");
            this.contentType = Objects.requireNonNull(contentType, "contentType");
        }
    }

    public HttpResponseStatus getStatus() {
        return status;
    }

    public Object getBody() {
        return body;
    }
}
