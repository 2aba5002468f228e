package io.freshet.runtime.rest.handler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.freshet.api.common.JobID;
import io.freshet.client.deployment.executors.EmbeddedExecutor;
import io.freshet.client.program.PackagedProgram;
import io.freshet.client.program.ProgramContext;
import io.freshet.client.program.ProgramInvocationException;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.rest.HandlerRequest;
import io.freshet.runtime.rest.HandlerRequest.MultipartForm;
import io.freshet.runtime.rest.HandlerRequest.UploadedFile;
import io.freshet.runtime.rest.RestHandlerException;
import io.freshet.runtime.rest.RestResponse;
import io.freshet.runtime.rest.Router;
import io.freshet.util.ExceptionUtils;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Jars on the JobManager, as the Web UI and Flink's REST clients use them: {@code POST /jars/upload} (form field
 * {@code jarfile}), {@code GET /jars}, {@code POST /jars/:jarid/run} (runs the jar's main method here, detached:
 * its jobs go to this JobManager's Dispatcher) and {@code DELETE /jars/:jarid}. Off when
 * {@code web.submit.enable} is false.
 *
 * <p>Programs run one at a time: a program's {@code execute()} finds its context through a JVM-wide slot.
 */
public final class JarHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(JarHandlers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DispatcherGateway dispatcher;
    private final Configuration configuration;
    private final Duration timeout;
    private final Path uploadDirectory;
    private final Supplier<String> restBaseUrl;
    private final BlobServer blobServer;
    private final Object programLock = new Object();

    public JarHandlers(DispatcherGateway dispatcher, Configuration configuration, Duration timeout,
            Path uploadDirectory, Supplier<String> restBaseUrl, BlobServer blobServer) {
        this.blobServer = blobServer;
        this.dispatcher = dispatcher;
        this.configuration = configuration;
        this.timeout = timeout;
        this.uploadDirectory = uploadDirectory;
        this.restBaseUrl = restBaseUrl;
    }

    public void register(Router.Builder router) {
        router.add(HttpMethod.POST, "/jars/upload", this::upload)
                .add(HttpMethod.GET, "/jars", this::list)
                .add(HttpMethod.POST, "/jars/:jarid/run", this::run)
                .add(HttpMethod.DELETE, "/jars/:jarid", this::delete);
    }

    // ---- upload, list, delete ----

    private CompletableFuture<RestResponse> upload(HandlerRequest request) throws Exception {
        MultipartForm form = request.getMultipartForm(uploadDirectory);
        UploadedFile jar = form.getFiles().get("jarfile");
        if (jar == null) {
            form.deleteFiles();
            throw RestHandlerException.badRequest("Bad request: no file in the form field 'jarfile'. Upload with"
                    + " curl -X POST -F \"jarfile=@job.jar\" " + restBaseUrl.get() + "/jars/upload");
        }
        for (UploadedFile other : form.getFiles().values()) {
            if (other != jar) {
                Files.deleteIfExists(other.getPath());
            }
        }
        if (!jar.getFileName().endsWith(".jar") || !isJar(jar.getPath())) {
            Files.deleteIfExists(jar.getPath());
            throw RestHandlerException.badRequest("Bad request: '" + jar.getFileName() + "' is not a jar file (a"
                    + " zip archive whose name ends with .jar); only jars can be uploaded.");
        }
        LOG.info("Jar '{}' uploaded as {}.", jar.getFileName(), jar.getPath().getFileName());
        ObjectNode body = JSON.createObjectNode();
        body.put("filename", jar.getPath().toAbsolutePath().toString());
        body.put("status", "success");
        return CompletableFuture.completedFuture(RestResponse.ok(body));
    }

    private static boolean isJar(Path path) {
        try (JarFile ignored = new JarFile(path.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private CompletableFuture<RestResponse> list(HandlerRequest request) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("address", restBaseUrl.get());
        ArrayNode files = body.putArray("files");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(uploadDirectory)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(uploadDirectory, "*.jar")) {
                stream.forEach(jars::add);
            }
        }
        jars.sort((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()));
        for (Path jar : jars) {
            String id = jar.getFileName().toString();
            ObjectNode file = files.addObject();
            file.put("id", id);
            int underscore = id.indexOf('_');
            file.put("name", underscore < 0 ? id : id.substring(underscore + 1));
            file.put("uploaded", jar.toFile().lastModified());
            ArrayNode entries = file.putArray("entry");
            String mainClass = manifestEntryClass(jar);
            if (mainClass != null) {
                entries.addObject().put("name", mainClass).putNull("description");
            }
        }
        return CompletableFuture.completedFuture(RestResponse.ok(body));
    }

    private static String manifestEntryClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes attributes = manifest.getMainAttributes();
            String programClass = attributes.getValue(PackagedProgram.MANIFEST_ATTRIBUTE_ASSEMBLER_CLASS);
            return programClass != null ? programClass : attributes.getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException e) {
            return null;
        }
    }

    private CompletableFuture<RestResponse> delete(HandlerRequest request) throws Exception {
        Path jar = jarOf(request);
        Files.delete(jar);
        LOG.info("Jar {} deleted.", jar.getFileName());
        return CompletableFuture.completedFuture(RestResponse.ok(JSON.createObjectNode()));
    }

    /** The uploaded jar {@code :jarid} names; 400 for an id that is not a plain file name, 404 if it is unknown. */
    private Path jarOf(HandlerRequest request) throws RestHandlerException {
        String id = request.getPathParameter("jarid");
        if (id.contains("/") || id.contains("\\") || id.startsWith(".") || !id.endsWith(".jar")) {
            throw RestHandlerException.badRequest("Bad request: '" + id + "' is not a jar id; use an 'id' from"
                    + " GET /jars.");
        }
        Path jar = uploadDirectory.resolve(id);
        if (!Files.isRegularFile(jar)) {
            throw RestHandlerException.notFound("Jar file " + id + " does not exist (GET /jars lists the uploaded"
                    + " jars).");
        }
        return jar;
    }

    // ---- run ----

    private CompletableFuture<RestResponse> run(HandlerRequest request) throws Exception {
        Path jar = jarOf(request);
        JsonNode body = request.getJsonBody();
        String entryClass = text(request, body, "entryClass", "entry-class");
        List<String> arguments = arguments(request, body);
        Configuration programConfiguration = new Configuration(configuration);
        String parallelism = text(request, body, "parallelism", "parallelism");
        if (parallelism != null) {
            try {
                int value = Integer.parseInt(parallelism);
                if (value < 1 && value != -1) {
                    throw new NumberFormatException();
                }
                if (value > 0) {
                    programConfiguration.set(CoreOptions.DEFAULT_PARALLELISM, value);
                }
            } catch (NumberFormatException e) {
                throw RestHandlerException.badRequest("Bad request: parallelism '" + parallelism + "' is not a"
                        + " positive number.");
            }
        }
        if (text(request, body, "savepointPath", "savepointPath") != null) {
            throw RestHandlerException.badRequest("Bad request: starting a jar from a savepoint ('savepointPath')"
                    + " is not supported by this JobManager yet; run it without one.");
        }
        programConfiguration.set(DeploymentOptions.ATTACHED, false);
        programConfiguration.set(DeploymentOptions.TARGET, EmbeddedExecutor.NAME);

        EmbeddedExecutor executor = new EmbeddedExecutor(dispatcher, timeout, blobServer);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        synchronized (programLock) {
            try (PackagedProgram program = PackagedProgram.create(jar.toFile(), entryClass,
                    arguments.toArray(new String[0]), programConfiguration);
                    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
                LOG.info("Running {} of jar {} with arguments {}.", program.getMainClassName(), jar.getFileName(),
                        arguments);
                ProgramContext.executeProgram(executor.asServiceLoader(), programConfiguration, program, out, false);
            } catch (ProgramInvocationException e) {
                throw new RestHandlerException("Bad request: could not run jar " + jar.getFileName() + ": "
                        + rootMessage(e), HttpResponseStatus.BAD_REQUEST, e);
            }
        }
        List<JobID> jobs = executor.getSubmittedJobs();
        if (jobs.isEmpty()) {
            throw RestHandlerException.badRequest("Bad request: the main method of jar " + jar.getFileName()
                    + " returned without submitting a job (it never called execute()).");
        }
        return CompletableFuture.completedFuture(RestResponse.ok(
                JSON.createObjectNode().put("jobid", jobs.get(jobs.size() - 1).toString())));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder message = new StringBuilder(String.valueOf(t.getMessage()));
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(" Caused by: ").append(cause);
        }
        if (t.getCause() != null) {
            LOG.info("The program failed:\n{}", ExceptionUtils.stringifyException(t));
        }
        return message.toString();
    }

    /** A run parameter from the JSON body, else from the query string (Flink accepts both). */
    private static String text(HandlerRequest request, JsonNode body, String bodyField, String queryParameter) {
        JsonNode value = body.get(bodyField);
        if (value != null && !value.isNull() && !value.asText().isEmpty()) {
            return value.asText();
        }
        return request.getQueryParameter(queryParameter).orElse(null);
    }

    /** {@code programArgsList} (a JSON array or repeated query parameter) or {@code programArgs} split at spaces. */
    private static List<String> arguments(HandlerRequest request, JsonNode body) throws RestHandlerException {
        List<String> arguments = new ArrayList<>();
        JsonNode list = body.get("programArgsList");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw RestHandlerException.badRequest("Bad request: 'programArgsList' must be a JSON array of strings.");
            }
            list.forEach(argument -> arguments.add(argument.asText()));
            return arguments;
        }
        String joined = text(request, body, "programArgs", "program-args");
        if (joined != null) {
            for (String argument : joined.trim().split("\\s+")) {
                if (!argument.isEmpty()) {
                    arguments.add(argument);
                }
            }
        }
        return arguments;
    }
}
