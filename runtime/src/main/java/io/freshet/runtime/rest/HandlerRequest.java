package io.freshet.runtime.rest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

/**
 * One request as a handler sees it: method, path parameters of its route, query parameters, and the body as bytes,
 * as JSON, or as a multipart form whose files are written to a directory. Owns the Netty request until
 * {@link #release()}, which the endpoint calls once the handler's future completes.
 */
public final class HandlerRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FullHttpRequest request;
    private final String path;
    private final Map<String, String> pathParameters;
    private final Map<String, List<String>> queryParameters;

    HandlerRequest(FullHttpRequest request, QueryStringDecoder uri, Map<String, String> pathParameters) {
        this.request = request;
        this.path = uri.path();
        this.pathParameters = Map.copyOf(pathParameters);
        this.queryParameters = uri.parameters();
    }

    public HttpMethod getMethod() {
        return request.method();
    }

    public String getPath() {
        return path;
    }

    /** The value of {@code :name} in the route's template. */
    public String getPathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route of " + path + " has no parameter :" + name);
        }
        return value;
    }

    /** The first value of query parameter {@code name}, if given and not empty. */
    public Optional<String> getQueryParameter(String name) {
        List<String> values = queryParameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }

    /** Every value of query parameter {@code name}, with comma-separated values split as Flink's REST API does. */
    public List<String> getQueryParameterValues(String name) {
        List<String> result = new ArrayList<>();
        for (String value : queryParameters.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                if (!part.isEmpty()) {
                    result.add(part);
                }
            }
        }
        return result;
    }

    public byte[] getBody() {
        return ByteBufUtil.getBytes(request.content());
    }

    /** The body as a JSON tree; an empty body is an empty object. */
    public JsonNode getJsonBody() throws RestHandlerException {
        if (request.content().readableBytes() == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw RestHandlerException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RestHandlerException.badRequest("The request body cannot be read: " + e.getMessage());
        }
    }

    /** Whether the body is a multipart form ({@code multipart/form-data}). */
    public boolean isMultipart() {
        String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * Parses the multipart body; its files are written to {@code directory} under unique names.
     *
     * @throws RestHandlerException 400 when the body is not a multipart form
     */
    public MultipartForm getMultipartForm(Path directory) throws RestHandlerException, IOException {
        if (!isMultipart()) {
            throw RestHandlerException.badRequest("Expected a multipart/form-data request (a file upload), got '"
                    + request.headers().get(HttpHeaderNames.CONTENT_TYPE, "no content type") + "'.");
        }
        Files.createDirectories(directory);
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(true);
        factory.setBaseDir(directory.toString());
        factory.setDeleteOnExit(false);
        HttpPostRequestDecoder decoder;
        try {
            decoder = new HttpPostRequestDecoder(factory, request.retainedDuplicate());
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw RestHandlerException.badRequest("The multipart body cannot be read: " + e.getMessage());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, UploadedFile> files = new LinkedHashMap<>();
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload) {
                    FileUpload upload = (FileUpload) data;
                    String fileName = new File(upload.getFilename()).getName();
                    Path target = directory.resolve(UUID.randomUUID() + "_" + fileName);
                    if (!upload.renameTo(target.toFile())) {
                        throw new IOException("Could not store the upload '" + fileName + "' at " + target);
                    }
                    files.put(upload.getName(), new UploadedFile(upload.getName(), fileName, target));
                } else if (data instanceof Attribute) {
                    Attribute attribute = (Attribute) data;
                    attributes.put(attribute.getName(), attribute.getValue());
                }
            }
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw RestHandlerException.badRequest("The multipart body cannot be read: " + e.getMessage());
        } finally {
            decoder.destroy();
            factory.cleanAllHttpData();
        }
        return new MultipartForm(attributes, files);
    }

    void release() {
        request.release();
    }

    /** A multipart form: its plain fields and its files (already on disk). */
    public static final class MultipartForm {
        private final Map<String, String> attributes;
        private final Map<String, UploadedFile> files;

        MultipartForm(Map<String, String> attributes, Map<String, UploadedFile> files) {
            this.attributes = attributes;
            this.files = files;
        }

        /** Plain fields by name. */
        public Map<String, String> getAttributes() {
            return attributes;
        }

        /** Files by form field name. */
        public Map<String, UploadedFile> getFiles() {
            return files;
        }

        /** The text of field {@code name}, whether it was sent as a plain field or as a file part. */
        public Optional<String> getText(String name) throws IOException {
            if (attributes.containsKey(name)) {
                return Optional.of(attributes.get(name));
            }
            UploadedFile file = files.get(name);
            return file == null ? Optional.empty()
                    : Optional.of(Files.readString(file.getPath(), StandardCharsets.UTF_8));
        }

        /** The file whose original file name is {@code fileName}, if one was sent. */
        public Optional<UploadedFile> findByFileName(String fileName) {
            for (UploadedFile file : files.values()) {
                if (file.getFileName().equals(fileName)) {
                    return Optional.of(file);
                }
            }
            return Optional.empty();
        }

        /** Deletes the files of the form that are still where the upload put them. */
        public void deleteFiles() {
            for (UploadedFile file : files.values()) {
                try {
                    Files.deleteIfExists(file.getPath());
                } catch (IOException e) {
                    // best effort: the upload directory is removed with the endpoint
                }
            }
        }
    }

    /** One uploaded file: its form field, the file name the client gave, and where it now is. */
    public static final class UploadedFile {
        private final String fieldName;
        private final String fileName;
        private final Path path;

        UploadedFile(String fieldName, String fileName, Path path) {
            this.fieldName = fieldName;
            this.fileName = fileName;
            this.path = path;
        }

        public String getFieldName() {
            return fieldName;
        }

        public String getFileName() {
            return fileName;
        }

        public Path getPath() {
            return path;
        }
    }
}
