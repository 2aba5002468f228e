package io.freshet.streaming.api.environment;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobID;
import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.dag.Transformation;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.ResultTypeQueryable;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.configuration.ExecutionOptions;
import io.freshet.configuration.PipelineOptions;
import io.freshet.core.execution.DefaultExecutorServiceLoader;
import io.freshet.core.execution.JobClient;
import io.freshet.core.execution.PipelineExecutorServiceLoader;
import io.freshet.streaming.api.datastream.DataStreamSource;
import io.freshet.streaming.api.functions.source.FromElementsFunction;
import io.freshet.streaming.api.functions.source.NumberSequenceFunction;
import io.freshet.streaming.api.functions.source.ParallelSourceFunction;
import io.freshet.streaming.api.functions.source.SocketTextStreamFunction;
import io.freshet.streaming.api.functions.source.SourceFunction;
import io.freshet.streaming.api.functions.source.TextFileLineSource;
import io.freshet.streaming.api.graph.StreamGraph;
import io.freshet.streaming.api.operators.StreamSource;
import io.freshet.streaming.api.operators.collect.CollectResultIterator;
import io.freshet.streaming.api.transformations.LegacySinkTransformation;
import io.freshet.streaming.api.transformations.LegacySourceTransformation;
import io.freshet.streaming.api.transformations.OneInputTransformation;
import io.freshet.streaming.api.transformations.PartitionTransformation;
import io.freshet.streaming.api.transformations.UnionTransformation;

/**
 * Where a DataStream program starts: it creates sources, collects the transformations the program builds, and
 * {@link #execute()}s them on the target of {@code execution.target} — the embedded MiniCluster ({@code local})
 * when run from an IDE or {@code java -cp}, the cluster {@code bin/flink run} points at when run through it.
 */
@SuppressWarnings("deprecation")
public class StreamExecutionEnvironment {

    /** The job name when the program gives none. */
    public static final String DEFAULT_JOB_NAME = "Flink Streaming Job";

    private static volatile StreamExecutionEnvironmentFactory contextEnvironmentFactory;

    protected final Configuration configuration;
    protected final ExecutionConfig config;
    protected final ClassLoader userClassloader;
    protected final PipelineExecutorServiceLoader executorServiceLoader;
    protected final List<Transformation<?>> transformations = new ArrayList<>();
    /** Iterators of {@code collectAsync()} waiting for the job that runs their sinks. */
    private final List<CollectResultIterator<?>> collectIterators = new ArrayList<>();
    private boolean chainingEnabled;
    private Duration bufferTimeout;

    public StreamExecutionEnvironment() {
        this(new Configuration());
    }

    public StreamExecutionEnvironment(Configuration configuration) {
        this(new DefaultExecutorServiceLoader(), configuration, null);
    }

    /**
     * @param userClassloader the class loader of the program's classes, or null for this thread's context class
     *     loader
     */
    public StreamExecutionEnvironment(PipelineExecutorServiceLoader executorServiceLoader, Configuration configuration,
            ClassLoader userClassloader) {
        this.executorServiceLoader = Objects.requireNonNull(executorServiceLoader, "executorServiceLoader");
        this.configuration = new Configuration(configuration);
        this.userClassloader = userClassloader != null ? userClassloader
                : Thread.currentThread().getContextClassLoader();
        this.config = new ExecutionConfig(this.configuration);
        this.chainingEnabled = this.configuration.get(PipelineOptions.OPERATOR_CHAINING);
        this.bufferTimeout = this.configuration.get(ExecutionOptions.BUFFER_TIMEOUT);
    }

    // ---- getting an environment ----

    /** The environment of the context the program runs in: {@code bin/flink run}'s, else a local one. */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    /** As {@link #getExecutionEnvironment()}, with the program's own configuration on top (restart strategy, ...). */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        StreamExecutionEnvironmentFactory factory = contextEnvironmentFactory;
        if (factory != null) {
            return factory.createExecutionEnvironment(configuration);
        }
        return createLocalEnvironment(configuration);
    }

    /** An environment that runs jobs on an embedded MiniCluster with one slot per CPU core. */
    public static StreamExecutionEnvironment createLocalEnvironment() {
        return createLocalEnvironment(new Configuration());
    }

    public static StreamExecutionEnvironment createLocalEnvironment(int parallelism) {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return createLocalEnvironment(configuration);
    }

    public static StreamExecutionEnvironment createLocalEnvironment(Configuration configuration) {
        Configuration local = new Configuration(configuration);
        local.set(DeploymentOptions.TARGET, "local");
        if (!local.contains(DeploymentOptions.ATTACHED)) {
            local.set(DeploymentOptions.ATTACHED, true);
        }
        if (!local.contains(CoreOptions.DEFAULT_PARALLELISM)) {
            local.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
        }
        return new StreamExecutionEnvironment(local);
    }

    /** Installs the factory of a context ({@code bin/flink run}); the runtime's client calls this. */
    public static void initializeContextEnvironment(StreamExecutionEnvironmentFactory factory) {
        contextEnvironmentFactory = factory;
    }

    public static void resetContextEnvironment() {
        contextEnvironmentFactory = null;
    }

    // ---- settings ----

    public ExecutionConfig getConfig() {
        return config;
    }

    /** The environment's configuration (a live view: changes affect the next execute). */
    public Configuration getConfiguration() {
        return configuration;
    }

    public ClassLoader getUserClassloader() {
        return userClassloader;
    }

    /** Applies options given as configuration (parallelism, runtime mode, chaining, buffer timeout, ...). */
    public void configure(Configuration options) {
        configuration.addAll(options);
        config.configure(options, userClassloader);
        chainingEnabled = configuration.get(PipelineOptions.OPERATOR_CHAINING);
        bufferTimeout = configuration.get(ExecutionOptions.BUFFER_TIMEOUT);
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1, not " + parallelism + ".");
        }
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        config.setParallelism(parallelism);
        return this;
    }

    /** The default parallelism of operators ({@code parallelism.default}, {@code bin/flink run -p}). */
    public int getParallelism() {
        return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException("The max parallelism must lie in 1.." + (1 << 15) + ", not "
                    + maxParallelism + ".");
        }
        configuration.set(PipelineOptions.MAX_PARALLELISM, maxParallelism);
        config.setMaxParallelism(maxParallelism);
        return this;
    }

    /** The max parallelism (key groups) of the job, or -1 to derive it from the parallelism. */
    public int getMaxParallelism() {
        return configuration.getOptional(PipelineOptions.MAX_PARALLELISM).orElse(-1);
    }

    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode executionMode) {
        configuration.set(ExecutionOptions.RUNTIME_MODE, executionMode);
        return this;
    }

    /** The checkpoint settings (a view on this environment's configuration). */
    public CheckpointConfig getCheckpointConfig() {
        return new CheckpointConfig(configuration);
    }

    /** Takes a checkpoint every {@code interval} ms, exactly-once. */
    public StreamExecutionEnvironment enableCheckpointing(long interval) {
        getCheckpointConfig().setCheckpointInterval(interval);
        return this;
    }

    /** Takes a checkpoint every {@code interval} ms with the given consistency. */
    public StreamExecutionEnvironment enableCheckpointing(long interval,
            io.freshet.core.execution.CheckpointingMode mode) {
        getCheckpointConfig().setCheckpointInterval(interval);
        getCheckpointConfig().setCheckpointingConsistencyMode(mode);
        return this;
    }

    /** @deprecated use {@link #enableCheckpointing(long, io.freshet.core.execution.CheckpointingMode)} */
    @Deprecated
    public StreamExecutionEnvironment enableCheckpointing(long interval,
            io.freshet.streaming.api.CheckpointingMode mode) {
        return enableCheckpointing(interval, io.freshet.streaming.api.CheckpointingMode.convertToCheckpointingMode(mode));
    }

    /** Milliseconds between checkpoints, or -1 when checkpointing is off. */
    public long getCheckpointInterval() {
        return getCheckpointConfig().getCheckpointInterval();
    }

    public StreamExecutionEnvironment disableOperatorChaining() {
        chainingEnabled = false;
        return this;
    }

    public boolean isChainingEnabled() {
        return chainingEnabled;
    }

    /** How long records may wait in a partly filled network buffer, in ms (0: flush after every record). */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < -1) {
            throw new IllegalArgumentException("The buffer timeout must be -1 (flush only when full), 0 or positive.");
        }
        bufferTimeout = timeoutMillis == -1 ? Duration.ofMillis(Long.MAX_VALUE) : Duration.ofMillis(timeoutMillis);
        return this;
    }

    public long getBufferTimeout() {
        return bufferTimeout.toMillis();
    }

    // ---- sources ----

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromElements(OUT... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException("fromElements needs at least one element; for an empty stream use"
                    + " fromCollection(collection, typeInfo).");
        }
        TypeInformation<OUT> type;
        try {
            type = TypeExtractor.getForObject(data[0]);
        } catch (Exception e) {
            throw new RuntimeException("Could not create TypeInformation for type " + data[0].getClass().getName()
                    + "; please specify the TypeInformation manually via fromElements(Class, ...) or"
                    + " fromCollection(collection, typeInfo).", e);
        }
        return fromCollection(Arrays.asList(data), type);
    }

    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromElements(Class<OUT> type, OUT... data) {
        return fromCollection(Arrays.asList(data), TypeExtractor.getForClass(type));
    }

    /** Flink 1.20's name for {@link #fromElements}. */
    @SafeVarargs
    public final <OUT> DataStreamSource<OUT> fromData(OUT... data) {
        return fromElements(data);
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data, TypeInformation<OUT> typeInfo) {
        return fromCollection(data, typeInfo);
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("fromCollection needs a non-empty collection to find its type; for an"
                    + " empty one use fromCollection(collection, typeInfo).");
        }
        return fromCollection(data, TypeExtractor.getForObject(data.iterator().next()));
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data, TypeInformation<OUT> typeInfo) {
        FromElementsFunction<OUT> function = new FromElementsFunction<>(typeInfo.createSerializer(config), data);
        return addSource(function, "Collection Source", typeInfo, true);
    }

    /** The longs {@code from} to {@code to} (both included), split evenly over the source's parallel instances. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence(" + from + ", " + to + "): the start must not be after"
                    + " the end.");
        }
        return addSource(new NumberSequenceFunction(from, to), "Sequence Source",
                io.freshet.api.common.typeinfo.Types.LONG, true);
    }

    /** The lines of a text file (or of the files of a directory), UTF-8. */
    public DataStreamSource<String> readTextFile(String filePath) {
        return readTextFile(filePath, "UTF-8");
    }

    public DataStreamSource<String> readTextFile(String filePath, String charsetName) {
        if (filePath == null || filePath.isBlank()) {
            throw new IllegalArgumentException("readTextFile needs a file path.");
        }
        java.nio.charset.Charset.forName(charsetName);
        return addSource(new TextFileLineSource(filePath, charsetName), "Read Text File: " + filePath,
                io.freshet.api.common.typeinfo.Types.STRING, true);
    }

    /**
     * A split-based source: its enumerator runs on the JobManager and hands splits to the readers in the tasks;
     * {@code timestampsAndWatermarks} gives the records their timestamps and the stream its watermarks (use
     * {@code WatermarkStrategy.noWatermarks()} for none).
     */
    public <OUT> DataStreamSource<OUT> fromSource(io.freshet.api.connector.source.Source<OUT, ?, ?> source,
            io.freshet.api.common.eventtime.WatermarkStrategy<OUT> timestampsAndWatermarks, String sourceName) {
        return fromSource(source, timestampsAndWatermarks, sourceName, null);
    }

    @SuppressWarnings("unchecked")
    public <OUT> DataStreamSource<OUT> fromSource(io.freshet.api.connector.source.Source<OUT, ?, ?> source,
            io.freshet.api.common.eventtime.WatermarkStrategy<OUT> timestampsAndWatermarks, String sourceName,
            TypeInformation<OUT> typeInfo) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(timestampsAndWatermarks, "timestampsAndWatermarks (use WatermarkStrategy.noWatermarks())");
        TypeInformation<OUT> type = typeInfo;
        if (type == null && source instanceof ResultTypeQueryable) {
            type = ((ResultTypeQueryable<OUT>) source).getProducedType();
        }
        if (type == null) {
            try {
                type = (TypeInformation<OUT>) TypeExtractor.createTypeInfo(io.freshet.api.connector.source.Source.class,
                        source.getClass(), 0, null, null);
            } catch (InvalidTypesException e) {
                type = (TypeInformation<OUT>) new MissingTypeInfo(sourceName, e);
            }
        }
        clean(source);
        clean(timestampsAndWatermarks);
        io.freshet.streaming.api.transformations.SourceTransformation<OUT> transformation =
                new io.freshet.streaming.api.transformations.SourceTransformation<>(sourceName, source,
                        timestampsAndWatermarks, type, getParallelism(), getConfig().getAutoWatermarkInterval());
        return new DataStreamSource<>(this, transformation);
    }

    /**
     * The lines of text a server sends on a TCP socket, until it closes the connection; not parallel.
     *
     * @see #socketTextStream(String, int, String, long)
     */
    public DataStreamSource<String> socketTextStream(String hostname, int port) {
        return socketTextStream(hostname, port, "\n");
    }

    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
        return socketTextStream(hostname, port, delimiter, 0);
    }

    /** @deprecated use {@link #socketTextStream(String, int, String)} */
    @Deprecated
    public DataStreamSource<String> socketTextStream(String hostname, int port, char delimiter) {
        return socketTextStream(hostname, port, String.valueOf(delimiter), 0);
    }

    /** @deprecated use {@link #socketTextStream(String, int, String, long)} */
    @Deprecated
    public DataStreamSource<String> socketTextStream(String hostname, int port, char delimiter, long maxRetry) {
        return socketTextStream(hostname, port, String.valueOf(delimiter), maxRetry);
    }

    /**
     * The pieces of text between {@code delimiter}s that a server sends on a TCP socket ({@code "\n"} also drops a
     * {@code '\r'} before it). When the server closes the connection, the stream ends if {@code maxRetry} is 0;
     * otherwise the source connects again after half a second, up to {@code maxRetry} times (a negative number: for
     * ever), and then ends. A server that refuses the first connection fails the job.
     */
    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter, long maxRetry) {
        return addSource(new SocketTextStreamFunction(hostname, port, delimiter, maxRetry), "Socket Stream",
                io.freshet.api.common.typeinfo.Types.STRING);
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function) {
        return addSource(function, "Custom Source");
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName) {
        return addSource(function, sourceName, null);
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, TypeInformation<OUT> typeInfo) {
        return addSource(function, "Custom Source", typeInfo);
    }

    public <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName,
            TypeInformation<OUT> typeInfo) {
        return addSource(function, sourceName, typeInfo, false);
    }

    @SuppressWarnings("unchecked")
    private <OUT> DataStreamSource<OUT> addSource(SourceFunction<OUT> function, String sourceName,
            TypeInformation<OUT> typeInfo, boolean bounded) {
        TypeInformation<OUT> type = typeInfo;
        if (type == null && function instanceof ResultTypeQueryable) {
            type = ((ResultTypeQueryable<OUT>) function).getProducedType();
        }
        if (type == null) {
            try {
                type = (TypeInformation<OUT>) TypeExtractor.createTypeInfo(SourceFunction.class, function.getClass(),
                        0, null, null);
            } catch (InvalidTypesException e) {
                type = (TypeInformation<OUT>) new MissingTypeInfo(sourceName, e);
            }
        }
        boolean parallel = function instanceof ParallelSourceFunction;
        clean(function);
        LegacySourceTransformation<OUT> transformation = new LegacySourceTransformation<>(sourceName,
                new StreamSource<>(function), type, parallel ? getParallelism() : 1, bounded);
        return new DataStreamSource<>(this, transformation, parallel);
    }

    // ---- the graph ----

    /** Registers a transformation that must run (sinks, and operators added with {@code transform}). */
    public void addOperator(Transformation<?> transformation) {
        transformations.add(Objects.requireNonNull(transformation, "transformation"));
    }

    /**
     * Registers the iterator of a {@code collectAsync()}: the next submitted job is the one it reads from (its sink is
     * part of it).
     */
    public void registerCollectIterator(CollectResultIterator<?> iterator) {
        collectIterators.add(Objects.requireNonNull(iterator, "iterator"));
    }

    /**
     * Checks that a function can be shipped to the cluster (Java-serializable, as Flink requires) and returns it;
     * the error names the function and the field that is not serializable.
     */
    public <F> F clean(F function) {
        if (function == null) {
            return null;
        }
        if (config.isClosureCleanerEnabled()) {
            dropUnserializableOuterInstance(function);
        }
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(function);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("The function " + function.getClass().getName() + " is not"
                    + " serializable: it holds a " + e.getMessage() + ", which cannot be shipped to the cluster. Make"
                    + " the field transient and create it in open(), or make its class Serializable.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("The function " + function.getClass().getName() + " cannot be"
                    + " serialized: " + e, e);
        }
        return function;
    }

    /**
     * An anonymous or inner class holds its enclosing instance ({@code this$0}) even when it never uses it; when that
     * instance cannot be serialized, the reference is dropped (as Flink's closure cleaner does), so that functions
     * written inline in a test or a non-serializable class can be shipped.
     */
    private static void dropUnserializableOuterInstance(Object function) {
        Class<?> clazz = function.getClass();
        if (clazz.isHidden()) {
            return; // lambdas: their captured values cannot be changed, serialization reports them
        }
        for (java.lang.reflect.Field field : clazz.getDeclaredFields()) {
            if (!field.isSynthetic() || !field.getName().startsWith("this$")) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object outer = field.get(function);
                if (outer != null && !(outer instanceof java.io.Serializable)) {
                    field.set(function, null);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // leave it: serialization below names the problem
            }
        }
    }

    /** The program's graph for {@code jobName}; the environment forgets the transformations (as after execute). */
    public StreamGraph getStreamGraph(String jobName) {
        return getStreamGraph(jobName, true);
    }

    public StreamGraph getStreamGraph() {
        return getStreamGraph(jobName(), true);
    }

    public StreamGraph getStreamGraph(String jobName, boolean clearTransformations) {
        if (transformations.isEmpty()) {
            throw new IllegalStateException("No operators defined in streaming topology. Cannot execute.");
        }
        Configuration effective = new Configuration(configuration);
        effective.set(PipelineOptions.NAME, jobName);
        StreamGraph graph = new StreamGraph(jobName, transformations, config, effective, chainingEnabled,
                bufferTimeout, configuration.get(ExecutionOptions.RUNTIME_MODE));
        if (clearTransformations) {
            transformations.clear();
        }
        return graph;
    }

    private String jobName() {
        return configuration.getOptional(PipelineOptions.NAME).orElse(DEFAULT_JOB_NAME);
    }

    /** Flink's JSON plan of the program (nodes with their predecessors); the transformations stay. */
    public String getExecutionPlan() {
        StringBuilder json = new StringBuilder("{\"nodes\":[");
        Map<Transformation<?>, Boolean> seen = new IdentityHashMap<>();
        List<Transformation<?>> ordered = new ArrayList<>();
        for (Transformation<?> transformation : transformations) {
            collect(transformation, seen, ordered);
        }
        boolean firstNode = true;
        for (Transformation<?> t : ordered) {
            if (t instanceof PartitionTransformation || t instanceof UnionTransformation) {
                continue;
            }
            json.append(firstNode ? "" : ",").append("{\"id\":").append(t.getId())
                    .append(",\"type\":\"").append(escape(typeOf(t))).append("\",\"pact\":\"")
                    .append(t.getInputs().isEmpty() ? "Data Source" : t instanceof LegacySinkTransformation
                            ? "Data Sink" : "Operator")
                    .append("\",\"contents\":\"").append(escape(t.getName())).append("\",\"parallelism\":")
                    .append(t.getParallelism() > 0 ? t.getParallelism() : getParallelism());
            List<String> predecessors = new ArrayList<>();
            for (Transformation<?> input : t.getInputs()) {
                predecessorsOf(input, "FORWARD", predecessors);
            }
            if (!predecessors.isEmpty()) {
                json.append(",\"predecessors\":[").append(String.join(",", predecessors)).append("]");
            }
            json.append("}");
            firstNode = false;
        }
        return json.append("]}").toString();
    }

    private static void predecessorsOf(Transformation<?> input, String shipStrategy, List<String> out) {
        if (input instanceof PartitionTransformation) {
            PartitionTransformation<?> partition = (PartitionTransformation<?>) input;
            predecessorsOf(partition.getInput(), partition.getKind().name(), out);
        } else if (input instanceof UnionTransformation) {
            for (Transformation<?> unionInput : input.getInputs()) {
                predecessorsOf(unionInput, shipStrategy, out);
            }
        } else {
            out.add("{\"id\":" + input.getId() + ",\"ship_strategy\":\"" + shipStrategy + "\",\"side\":\"second\"}");
        }
    }

    private static String typeOf(Transformation<?> t) {
        if (t instanceof LegacySourceTransformation) {
            return "Source: " + t.getName();
        }
        if (t instanceof LegacySinkTransformation) {
            return "Sink: " + t.getName();
        }
        if (t instanceof OneInputTransformation) {
            return t.getName();
        }
        return t.getClass().getSimpleName();
    }

    private static void collect(Transformation<?> t, Map<Transformation<?>, Boolean> seen, List<Transformation<?>> out) {
        if (seen.put(t, Boolean.TRUE) != null) {
            return;
        }
        for (Transformation<?> input : t.getInputs()) {
            collect(input, seen, out);
        }
        out.add(t);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    // ---- execution ----

    public JobExecutionResult execute() throws Exception {
        return execute(jobName());
    }

    public JobExecutionResult execute(String jobName) throws Exception {
        return execute(getStreamGraph(jobName));
    }

    /**
     * Runs the graph; attached ({@code execution.attached}, the default locally), waits for the job and fails
     * with its failure; detached, returns once it is submitted.
     */
    public JobExecutionResult execute(StreamGraph streamGraph) throws Exception {
        JobClient client = executeAsync(streamGraph);
        if (!configuration.get(DeploymentOptions.ATTACHED)) {
            return new DetachedJobExecutionResult(client.getJobID());
        }
        try {
            return client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync(getStreamGraph(jobName()));
    }

    public JobClient executeAsync(String jobName) throws Exception {
        return executeAsync(getStreamGraph(jobName));
    }

    /** Submits the graph through the executor of {@code execution.target} and returns at once. */
    public JobClient executeAsync(StreamGraph streamGraph) throws Exception {
        Configuration effective = streamGraph.getConfiguration();
        JobClient client;
        try {
            client = executorServiceLoader.getExecutorFactory(effective).getExecutor(effective)
                    .execute(streamGraph, effective, userClassloader).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        for (CollectResultIterator<?> iterator : collectIterators) {
            iterator.setJobClient(client);
        }
        collectIterators.clear();
        return client;
    }

    /** The result of a detached submission: only the job id is known. */
    public static final class DetachedJobExecutionResult extends JobExecutionResult {
        public DetachedJobExecutionResult(JobID jobId) {
            super(jobId, -1, null);
        }

        @Override
        public long getNetRuntime() {
            throw new IllegalStateException("Job " + getJobID() + " was submitted in detached mode. Results of job"
                    + " execution, such as accumulators, runtime, etc. are not available.");
        }

        @Override
        public String toString() {
            return "DetachedJobExecutionResult(" + getJobID() + ")";
        }
    }
}
