package io.freshet.runtime.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Maps a method and a path to a handler. Templates are paths whose segments may be parameters ({@code :jobid}),
 * as in Flink's REST API: {@code /jobs/:jobid/vertices/:vertexid}. A literal segment wins over a parameter at the
 * same place ({@code /jobs/overview} before {@code /jobs/:jobid}). Immutable once built; safe to share.
 */
public final class Router {

    private final List<Route> routes;

    private Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The outcome of routing one request. */
    public static final class Match {
        private final RestHandler handler;
        private final Map<String, String> pathParameters;
        private final Set<HttpMethod> allowedMethods;

        private Match(RestHandler handler, Map<String, String> pathParameters, Set<HttpMethod> allowedMethods) {
            this.handler = handler;
            this.pathParameters = pathParameters;
            this.allowedMethods = allowedMethods;
        }

        /** The handler, or null when no route takes this method and path. */
        public RestHandler getHandler() {
            return handler;
        }

        public Map<String, String> getPathParameters() {
            return pathParameters;
        }

        /** When the handler is null: the methods that the path does take (empty if the path is unknown). */
        public Set<HttpMethod> getAllowedMethods() {
            return allowedMethods;
        }
    }

    /**
     * Routes {@code method} and {@code rawPath} (without query string, still percent-encoded): the path is split at
     * its slashes first and each segment decoded after, so an encoded slash stays inside its segment.
     */
    public Match route(HttpMethod method, String rawPath) {
        String[] segments = split(rawPath);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = QueryStringDecoder.decodeComponent(segments[i]);
        }
        Route best = null;
        Map<String, String> bestParameters = null;
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> parameters = route.match(segments);
            if (parameters == null) {
                continue;
            }
            if (!route.method.equals(method)) {
                allowed.add(route.method);
                continue;
            }
            if (best == null || route.literalSegments > best.literalSegments) {
                best = route;
                bestParameters = parameters;
            }
        }
        return best != null ? new Match(best.handler, bestParameters, Set.of())
                : new Match(null, Map.of(), allowed);
    }

    private static String[] split(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static final class Route {
        final HttpMethod method;
        final String[] template;
        final RestHandler handler;
        final int literalSegments;

        Route(HttpMethod method, String template, RestHandler handler) {
            this.method = method;
            this.template = split(template);
            this.handler = handler;
            int literals = 0;
            for (String segment : this.template) {
                if (!segment.startsWith(":")) {
                    literals++;
                }
            }
            this.literalSegments = literals;
        }

        /** The path parameters if the path fits the template, else null. */
        Map<String, String> match(String[] segments) {
            if (segments.length != template.length) {
                return null;
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < template.length; i++) {
                if (template[i].startsWith(":")) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    parameters.put(template[i].substring(1), segments[i]);
                } else if (!template[i].equals(segments[i])) {
                    return null;
                }
            }
            return parameters;
        }
    }

    /** Collects routes; a method and template may be registered once. */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private final Set<String> keys = new LinkedHashSet<>();

        public Builder add(HttpMethod method, String template, RestHandler handler) {
            if (!keys.add(method + " " + String.join("/", normalized(split(template))))) {
                throw new IllegalArgumentException("two handlers for " + method + " " + template);
            }
            routes.add(new Route(method, template, handler));
            return this;
        }

        private static String[] normalized(String[] template) {
            String[] result = template.clone();
            for (int i = 0; i < result.length; i++) {
                if (result[i].startsWith(":")) {
                    result[i] = ":";
                }
            }
            return result;
        }

        public Router build() {
            return new Router(routes);
        }
    }
}
