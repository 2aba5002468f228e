package io.freshet.streaming.api.datastream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.FilterFunction;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.functions.FlatMapFunction;
import io.freshet.api.common.functions.MapFunction;
import io.freshet.api.common.functions.Partitioner;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.dag.Transformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.tuple.Tuple;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.TupleTypeInfoBase;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.core.fs.FileSystem;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.ProcessFunction;
import io.freshet.streaming.api.functions.sink.PrintSinkFunction;
import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.streaming.api.functions.sink.TextFileSinkFunction;
import io.freshet.streaming.api.operators.OneInputStreamOperator;
import io.freshet.streaming.api.operators.ProcessOperator;
import io.freshet.streaming.api.operators.StreamFilter;
import io.freshet.streaming.api.operators.StreamFlatMap;
import io.freshet.streaming.api.operators.StreamMap;
import io.freshet.streaming.api.operators.StreamSink;
import io.freshet.streaming.api.operators.TimestampsAndWatermarksOperator;
import io.freshet.streaming.api.operators.collect.CollectResultIterator;
import io.freshet.streaming.api.transformations.LegacySinkTransformation;
import io.freshet.streaming.api.transformations.OneInputTransformation;
import io.freshet.streaming.api.transformations.PartitionTransformation;
import io.freshet.streaming.api.transformations.UnionTransformation;
import io.freshet.util.CloseableIterator;

/**
 * A stream of records of type {@code T}: what a source produces and every operation returns. Operations add
 * transformations to the environment's graph; nothing runs until {@code env.execute()}.
 */
public class DataStream<T> {

    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.transformation = Objects.requireNonNull(transformation, "transformation");
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public Transformation<T> getTransformation() {
        return transformation;
    }

    public int getId() {
        return transformation.getId();
    }

    public int getParallelism() {
        return transformation.getParallelism();
    }

    public TypeInformation<T> getType() {
        return transformation.getOutputType();
    }

    public ExecutionConfig getExecutionConfig() {
        return environment.getConfig();
    }

    // ---- record-at-a-time operations ----

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        TypeInformation<R> outType = TypeExtractor.getMapReturnTypes(environment.clean(mapper), getType(),
                functionName(mapper), true);
        return map(mapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper, TypeInformation<R> outputType) {
        return transform("Map", outputType, new StreamMap<>(environment.clean(mapper)));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        TypeInformation<R> outType = TypeExtractor.getFlatMapReturnTypes(environment.clean(flatMapper), getType(),
                functionName(flatMapper), true);
        return flatMap(flatMapper, outType);
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper, TypeInformation<R> outputType) {
        return transform("Flat Map", outputType, new StreamFlatMap<>(environment.clean(flatMapper)));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", getType(), new StreamFilter<>(environment.clean(filter)));
    }

    /** Runs a {@link ProcessFunction} on every record. */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction) {
        return process(processFunction, outputTypeOf(processFunction, ProcessFunction.class, 1));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> processFunction,
            TypeInformation<R> outputType) {
        return transform("Process", outputType, new ProcessOperator<>(environment.clean(processFunction)));
    }

    /** The output type of a function from its generic signature, or a missing type that asks for returns(...). */
    @SuppressWarnings("unchecked")
    <R> TypeInformation<R> outputTypeOf(Object function, Class<?> baseClass, int outputPosition) {
        try {
            return (TypeInformation<R>) TypeExtractor.createTypeInfo(baseClass, function.getClass(), outputPosition,
                    getType(), null);
        } catch (InvalidTypesException e) {
            return (TypeInformation<R>) new MissingTypeInfo(functionName(function), e);
        }
    }

    /**
     * Gives the records timestamps and the stream watermarks, per {@code watermarkStrategy}; periodic watermarks
     * every {@code pipeline.auto-watermark-interval} (200 ms).
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarkStrategy) {
        WatermarkStrategy<T> strategy = environment.clean(watermarkStrategy);
        long interval = getExecutionConfig().getAutoWatermarkInterval();
        SingleOutputStreamOperator<T> result = transform("Timestamps/Watermarks", getType(),
                new TimestampsAndWatermarksOperator<>(strategy, interval));
        return result;
    }

    /** Applies a custom operator (the runtime's extension point, as in Flink). */
    public <R> SingleOutputStreamOperator<R> transform(String operatorName, TypeInformation<R> outTypeInfo,
            OneInputStreamOperator<T, R> operator) {
        // read the input type now: a missing type fails here, naming the function that produced it
        getType();
        OneInputTransformation<T, R> result = new OneInputTransformation<>(transformation, operatorName, operator,
                outTypeInfo, environment.getParallelism());
        if (this instanceof KeyedStream) {
            KeyedStream<T, ?> keyed = (KeyedStream<T, ?>) this;
            result.setStateKeySelector(keyed.getKeySelector());
            result.setStateKeyType(keyed.getKeyType());
        }
        environment.addOperator(result);
        return new SingleOutputStreamOperator<>(environment, result);
    }

    // ---- partitioning ----

    /** Partitions by the key {@code key} extracts: records of a key meet the same subtask (and its keyed state). */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        Objects.requireNonNull(key, "the KeySelector of keyBy");
        return new KeyedStream<>(this, environment.clean(key));
    }

    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key, TypeInformation<K> keyType) {
        Objects.requireNonNull(key, "the KeySelector of keyBy");
        return new KeyedStream<>(this, environment.clean(key), keyType);
    }

    /**
     * Partitions by tuple positions.
     *
     * @deprecated use {@link #keyBy(KeySelector)}
     */
    @Deprecated
    public KeyedStream<T, Tuple> keyBy(int... fields) {
        return keyByTupleFields(fields);
    }

    /**
     * Partitions by field names ({@code f0} for tuples, field names for POJOs).
     *
     * @deprecated use {@link #keyBy(KeySelector)}
     */
    @Deprecated
    public KeyedStream<T, Tuple> keyBy(String... fields) {
        TypeInformation<T> type = getType();
        int[] positions = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (!(type instanceof TupleTypeInfoBase) || !fields[i].matches("f\\d+")) {
                throw new IllegalArgumentException("keyBy(\"" + fields[i] + "\") is not supported for " + type
                        + " yet: use keyBy(KeySelector), e.g. keyBy(value -> value." + fields[i] + ").");
            }
            positions[i] = Integer.parseInt(fields[i].substring(1));
        }
        return keyByTupleFields(positions);
    }

    private KeyedStream<T, Tuple> keyByTupleFields(int... fields) {
        TypeInformation<T> type = getType();
        if (!(type instanceof TupleTypeInfoBase)) {
            throw new IllegalArgumentException("keyBy(int...) needs a stream of tuples, not of " + type
                    + "; use keyBy(KeySelector).");
        }
        TupleTypeInfoBase<T> tupleType = (TupleTypeInfoBase<T>) type;
        TypeInformation<?>[] keyTypes = new TypeInformation<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] < 0 || fields[i] >= tupleType.getArity()) {
                throw new IndexOutOfBoundsException("keyBy position " + fields[i] + " is outside " + type
                        + " (positions 0.." + (tupleType.getArity() - 1) + ").");
            }
            keyTypes[i] = tupleType.getTypeAt(fields[i]);
        }
        TypeInformation<Tuple> keyType = new io.freshet.api.java.typeutils.TupleTypeInfo<>(keyTypes);
        return new KeyedStream<>(this, new TupleFieldsKeySelector<>(fields), keyType);
    }

    /** Selects tuple positions as a key tuple. */
    static final class TupleFieldsKeySelector<T> implements KeySelector<T, Tuple> {
        private static final long serialVersionUID = 1L;
        private final int[] fields;

        TupleFieldsKeySelector(int[] fields) {
            this.fields = fields.clone();
        }

        @Override
        public Tuple getKey(T value) {
            Tuple record = (Tuple) value;
            Tuple key = Tuple.newInstance(fields.length);
            for (int i = 0; i < fields.length; i++) {
                key.setField(record.getField(fields[i]), i);
            }
            return key;
        }
    }

    /** Windows over the whole stream (one operator instance sees every record). */
    public <W extends io.freshet.streaming.api.windowing.windows.Window> AllWindowedStream<T, W> windowAll(
            io.freshet.streaming.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
        KeyedStream<T, Byte> all = new KeyedStream<>(this, new io.freshet.api.java.functions.NullByteKeySelector<>(),
                io.freshet.api.common.typeinfo.Types.BYTE);
        return new AllWindowedStream<>(all, assigner);
    }

    /** Windows of {@code size} elements over the whole stream: each fires and empties when it is full. */
    public AllWindowedStream<T, io.freshet.streaming.api.windowing.windows.GlobalWindow> countWindowAll(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("countWindowAll needs a size of at least 1 element, not " + size);
        }
        return windowAll(io.freshet.streaming.api.windowing.assigners.GlobalWindows.create())
                .trigger(io.freshet.streaming.api.windowing.triggers.PurgingTrigger.of(
                        io.freshet.streaming.api.windowing.triggers.CountTrigger.of(size)));
    }

    /** Windows of the last {@code size} elements of the whole stream, firing every {@code slide} elements. */
    public AllWindowedStream<T, io.freshet.streaming.api.windowing.windows.GlobalWindow> countWindowAll(long size,
            long slide) {
        if (size < 1) {
            throw new IllegalArgumentException("countWindowAll needs a size of at least 1 element, not " + size);
        }
        return windowAll(io.freshet.streaming.api.windowing.assigners.GlobalWindows.create())
                .evictor(io.freshet.streaming.api.windowing.evictors.CountEvictor.of(size))
                .trigger(io.freshet.streaming.api.windowing.triggers.CountTrigger.of(slide));
    }

    public DataStream<T> rebalance() {
        return partition(PartitionTransformation.Kind.REBALANCE);
    }

    public DataStream<T> rescale() {
        return partition(PartitionTransformation.Kind.RESCALE);
    }

    public DataStream<T> shuffle() {
        return partition(PartitionTransformation.Kind.SHUFFLE);
    }

    public DataStream<T> broadcast() {
        return partition(PartitionTransformation.Kind.BROADCAST);
    }

    public DataStream<T> global() {
        return partition(PartitionTransformation.Kind.GLOBAL);
    }

    public DataStream<T> forward() {
        return partition(PartitionTransformation.Kind.FORWARD);
    }

    public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        return new DataStream<>(environment, PartitionTransformation.custom(transformation,
                environment.clean(partitioner), environment.clean(keySelector)));
    }

    private DataStream<T> partition(PartitionTransformation.Kind kind) {
        return new DataStream<>(environment, PartitionTransformation.of(transformation, kind));
    }

    /** Connects this stream with {@code dataStream} for processing by one two-input function. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> dataStream) {
        return new ConnectedStreams<>(environment, this, dataStream);
    }

    /** Connects this stream with a broadcast stream; {@code process} them with a (keyed) broadcast function. */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        return new BroadcastConnectedStream<>(environment, this, broadcastStream,
                broadcastStream.getBroadcastStateDescriptors());
    }

    /**
     * Sends every element to every parallel instance downstream, which keep the broadcast states
     * {@code broadcastStateDescriptors} (maps changed only by the broadcast elements).
     */
    public BroadcastStream<T> broadcast(io.freshet.api.common.state.MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        if (broadcastStateDescriptors == null || broadcastStateDescriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(...) needs at least one MapStateDescriptor of the broadcast"
                    + " state; use broadcast() to only send every element everywhere.");
        }
        return new BroadcastStream<>(environment, broadcast(), broadcastStateDescriptors);
    }

    /** Groups this stream with {@code otherStream} by key and window ({@code where}, {@code equalTo}, {@code window}). */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> otherStream) {
        return new CoGroupedStreams<>(this, otherStream);
    }

    /** Joins this stream with {@code otherStream} by key within windows ({@code where}, {@code equalTo}, {@code window}). */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> otherStream) {
        return new JoinedStreams<>(this, otherStream);
    }

    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... streams) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> stream : streams) {
            inputs.add(stream.getTransformation());
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    // ---- sinks ----

    /** Prints each record on standard output ({@code <subtask>> record} when the sink is parallel). */
    public DataStreamSink<T> print() {
        return addSink(new PrintSinkFunction<>()).name("Print to Std. Out");
    }

    public DataStreamSink<T> print(String sinkIdentifier) {
        return addSink(new PrintSinkFunction<>(sinkIdentifier, false)).name("Print to Std. Out");
    }

    public DataStreamSink<T> printToErr() {
        return addSink(new PrintSinkFunction<>(true)).name("Print to Std. Err");
    }

    public DataStreamSink<T> printToErr(String sinkIdentifier) {
        return addSink(new PrintSinkFunction<>(sinkIdentifier, true)).name("Print to Std. Err");
    }

    /** Writes the stream through {@code sink}'s writers, one per parallel instance. */
    public DataStreamSink<T> sinkTo(io.freshet.api.connector.sink2.Sink<T> sink) {
        TypeInformation<T> type = getType();
        DataStreamSink<T> result = addSink(new io.freshet.streaming.api.functions.sink.SinkWriterFunction<>(
                environment.clean(sink), type.createSerializer(getExecutionConfig())));
        return result.name("Writer");
    }

    public DataStreamSink<T> addSink(SinkFunction<T> sinkFunction) {
        getType();
        LegacySinkTransformation<T> sink = new LegacySinkTransformation<>(transformation, "Unnamed",
                new StreamSink<>(environment.clean(sinkFunction)), environment.getParallelism());
        if (this instanceof KeyedStream) {
            sink.setStateKeySelector(((KeyedStream<T, ?>) this).getKeySelector());
        }
        environment.addOperator(sink);
        return new DataStreamSink<>(sink);
    }

    /**
     * Writes each record's {@code toString()} as a line to {@code path}: one file when the sink runs with parallelism
     * 1, else a directory with one file per sink subtask, named {@code 1}, {@code 2}, ... An existing file is not
     * overwritten (the job fails naming it); see {@link #writeAsText(String, FileSystem.WriteMode)}.
     *
     * @deprecated as in Flink, in favour of the {@code FileSink}, which Freshet does not have yet
     */
    @Deprecated
    public DataStreamSink<T> writeAsText(String path) {
        return writeAsText(path, FileSystem.WriteMode.NO_OVERWRITE);
    }

    /** As {@link #writeAsText(String)}; with {@code OVERWRITE}, existing files of the same names are replaced. */
    @Deprecated
    public DataStreamSink<T> writeAsText(String path, FileSystem.WriteMode writeMode) {
        return addSink(TextFileSinkFunction.text(path, writeMode));
    }

    /**
     * Writes tuples as lines of comma-separated fields, as {@link #writeAsText(String)} writes lines; only for streams
     * of tuples.
     */
    @Deprecated
    public DataStreamSink<T> writeAsCsv(String path) {
        return writeAsCsv(path, FileSystem.WriteMode.NO_OVERWRITE, "\n", ",");
    }

    @Deprecated
    public DataStreamSink<T> writeAsCsv(String path, FileSystem.WriteMode writeMode) {
        return writeAsCsv(path, writeMode, "\n", ",");
    }

    /** Tuples as rows ended by {@code rowDelimiter}, their fields ({@code toString()}) separated by {@code fieldDelimiter}. */
    @Deprecated
    public <X extends Tuple> DataStreamSink<T> writeAsCsv(String path, FileSystem.WriteMode writeMode,
            String rowDelimiter, String fieldDelimiter) {
        if (!(getType() instanceof TupleTypeInfoBase)) {
            throw new IllegalArgumentException("writeAsCsv() can only write streams of tuples, not of " + getType()
                    + "; use writeAsText() or map the records to tuples first.");
        }
        return addSink(TextFileSinkFunction.csv(path, writeMode, rowDelimiter, fieldDelimiter));
    }

    // ---- collecting the results in the client ----

    /**
     * Runs the job and returns an iterator over this stream's records as the job produces them. Closing the iterator
     * before its end cancels the job. The records travel from a sink of parallelism 1 straight to this client over
     * TCP; see {@link #collectAsync()} for what that means.
     */
    public CloseableIterator<T> executeAndCollect() throws Exception {
        return executeAndCollect(StreamExecutionEnvironment.DEFAULT_JOB_NAME);
    }

    public CloseableIterator<T> executeAndCollect(String jobName) throws Exception {
        CloseableIterator<T> iterator = collectAsync();
        try {
            environment.executeAsync(jobName);
        } catch (Exception e) {
            iterator.close();
            throw e;
        }
        return iterator;
    }

    /** Runs the job, returns its first {@code limit} records (fewer if it ends sooner) and cancels it if it runs on. */
    public List<T> executeAndCollect(int limit) throws Exception {
        return executeAndCollect(StreamExecutionEnvironment.DEFAULT_JOB_NAME, limit);
    }

    public List<T> executeAndCollect(String jobName, int limit) throws Exception {
        if (limit <= 0) {
            throw new IllegalArgumentException("executeAndCollect needs a limit greater than 0, not " + limit + ".");
        }
        List<T> results = new ArrayList<>(Math.min(limit, 1024));
        try (CloseableIterator<T> iterator = executeAndCollect(jobName)) {
            while (results.size() < limit && iterator.hasNext()) {
                results.add(iterator.next());
            }
        }
        return results;
    }

    /**
     * Adds a sink that sends this stream's records to the returned iterator, which reads them once the job is
     * submitted with {@code env.executeAsync()} (with the attached {@code env.execute()} the job's results must fit
     * the TCP buffers, as nobody reads them before the job ends). The sink opens a TCP connection to this client:
     * with the {@code local} target on the loopback interface; on a cluster the TaskManagers must be able to reach
     * the client's host. A failed or restarted job makes the iterator throw.
     */
    public CloseableIterator<T> collectAsync() {
        boolean local = "local".equals(environment.getConfiguration().get(
                io.freshet.configuration.DeploymentOptions.TARGET));
        CollectResultIterator<T> iterator = new CollectResultIterator<>(getType().createSerializer(
                environment.getConfig()), local);
        addSink(iterator.createSinkFunction()).name("Data stream collect sink").setParallelism(1);
        environment.registerCollectIterator(iterator);
        return iterator;
    }

    /** As {@link #collectAsync()}, handing the iterator to {@code collector} ({@link Collector#getOutput()}). */
    public void collectAsync(Collector<T> collector) {
        collector.setIterator(collectAsync());
    }

    /** Where {@link #collectAsync(Collector)} puts the iterator over a stream's records. */
    public static class Collector<T> {
        private CloseableIterator<T> iterator;

        void setIterator(CloseableIterator<T> iterator) {
            this.iterator = iterator;
        }

        /** The iterator over the collected records; read it after the job is submitted. */
        public CloseableIterator<T> getOutput() {
            if (iterator == null) {
                throw new IllegalStateException("This Collector has not been passed to DataStream.collectAsync() yet.");
            }
            return iterator;
        }
    }

    static String functionName(Object function) {
        Class<?> clazz = function.getClass();
        return clazz.isSynthetic() || clazz.getSimpleName().contains("$$Lambda") ? "lambda " + clazz.getName()
                : clazz.getName();
    }
}
