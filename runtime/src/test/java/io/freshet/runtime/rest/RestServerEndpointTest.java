package io.freshet.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestOptions;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The HTTP server and router under the REST API, with small handlers of the test's own, over real sockets. */
class RestServerEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private RestServerEndpoint endpoint;

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private static Router router() {
        return Router.builder()
                .add(HttpMethod.GET, "/jobs/:jobid", request -> answer("job " + request.getPathParameter("jobid")))
                .add(HttpMethod.GET, "/jobs/overview", request -> answer("overview"))
                .add(HttpMethod.POST, "/jobs", request -> answer("posted " + request.getBody().length))
                .add(HttpMethod.GET, "/echo", request -> answer(String.join("|",
                        request.getQueryParameterValues("id"))))
                .add(HttpMethod.GET, "/broken", request -> {
                    throw new IllegalStateException("the handler broke");
                })
                .add(HttpMethod.GET, "/refused", request -> CompletableFuture.failedFuture(
                        new RestHandlerException("teapot refused", HttpResponseStatus.CONFLICT)))
                .build();
    }

    private static CompletableFuture<RestResponse> answer(String text) {
        return CompletableFuture.completedFuture(RestResponse.ok(JSON.createObjectNode().put("answer", text)));
    }

    private RestServerEndpoint start(Configuration configuration) throws Exception {
        endpoint = new RestServerEndpoint(configuration, router());
        return endpoint;
    }

    private static Configuration anyPort() {
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_PORT, "0");
        return configuration;
    }

    private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + endpoint.getPort() + path))
                .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() throws Exception {
        start(anyPort());

        assertThat(json(get("/jobs/overview")).path("answer").asText()).isEqualTo("overview");
        assertThat(json(get("/jobs/abc")).path("answer").asText()).isEqualTo("job abc");
        assertThat(json(get("/jobs/abc/")).path("answer").asText()).isEqualTo("job abc");
    }

    @Test
    void anEncodedSlashStaysInsideItsSegment() throws Exception {
        start(anyPort());

        assertThat(json(get("/jobs/a%2Fb")).path("answer").asText()).isEqualTo("job a/b");
    }

    @Test
    void queryParameterListsAreSplitAtCommas() throws Exception {
        start(anyPort());

        assertThat(json(get("/echo?id=a,b&id=c")).path("answer").asText()).isEqualTo("a|b|c");
    }

    @Test
    void unknownPathsAre404AndOtherMethods405NamingTheAllowedOnes() throws Exception {
        start(anyPort());

        HttpResponse<String> unknown = get("/nothing/here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("errors").get(0).asText()).isEqualTo("Not found: /nothing/here");

        HttpResponse<String> wrongMethod = send("DELETE", "/jobs/abc", HttpRequest.BodyPublishers.noBody());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).path("errors").get(0).asText()).contains("DELETE").contains("allowed: GET");
    }

    @Test
    void handlerFailuresBecomeTheirStatusOr500WithTheStackTrace() throws Exception {
        start(anyPort());

        HttpResponse<String> refused = get("/refused");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("errors").get(0).asText()).isEqualTo("teapot refused");

        HttpResponse<String> broken = get("/broken");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(json(broken).path("errors").get(0).asText()).isEqualTo("Internal server error.");
        assertThat(json(broken).path("errors").get(1).asText()).contains("IllegalStateException: the handler broke");

        assertThat(get("/jobs/overview").statusCode()).as("the server keeps serving").isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIs413InTheErrorForm() throws Exception {
        Configuration configuration = anyPort();
        configuration.set(RestOptions.SERVER_MAX_CONTENT_LENGTH, 1024);
        start(configuration);

        assertThat(json(send("POST", "/jobs", HttpRequest.BodyPublishers.ofByteArray(new byte[1000])))
                .path("answer").asText()).isEqualTo("posted 1000");
        HttpResponse<String> tooLarge = send("POST", "/jobs", HttpRequest.BodyPublishers.ofByteArray(new byte[4096]));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json(tooLarge).path("errors").get(0).asText()).contains("rest.server.max-content-length")
                .contains("1024");
    }

    @Test
    void theFirstFreePortOfTheRangeIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int free = freePort();
            Configuration configuration = new Configuration();
            configuration.set(RestOptions.BIND_PORT, taken.getLocalPort() + "," + free);

            start(configuration);

            assertThat(endpoint.getPort()).isEqualTo(free);
            assertThat(endpoint.getRestBaseUrl()).isEqualTo("http://localhost:" + free);
        }
    }

    @Test
    void noFreePortFailsNamingTheOptions() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Configuration configuration = new Configuration();
            configuration.set(RestOptions.PORT, taken.getLocalPort());

            assertThatThrownBy(() -> start(configuration)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port(s) " + taken.getLocalPort())
                    .hasMessageContaining("rest.bind-port").hasMessageContaining("rest.port");
        }
    }

    @Test
    void aRouteCanBeRegisteredOnce() {
        Router.Builder builder = Router.builder().add(HttpMethod.GET, "/jobs/:jobid", request -> answer("a"));

        assertThatThrownBy(() -> builder.add(HttpMethod.GET, "/jobs/:id", request -> answer("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/jobs/:id");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
