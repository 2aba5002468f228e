package io.freshet.streaming.api.datastream;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.co.CoFlatMapFunction;
import io.freshet.streaming.api.functions.co.CoMapFunction;
import io.freshet.streaming.api.functions.co.CoProcessFunction;
import io.freshet.streaming.api.functions.co.KeyedCoProcessFunction;
import io.freshet.streaming.api.operators.CoProcessOperator;
import io.freshet.streaming.api.operators.CoStreamFlatMap;
import io.freshet.streaming.api.operators.CoStreamMap;
import io.freshet.streaming.api.operators.KeyedCoProcessOperator;
import io.freshet.streaming.api.operators.TwoInputStreamOperator;
import io.freshet.streaming.api.transformations.TwoInputTransformation;

/**
 * Two streams of possibly different types processed together ({@code first.connect(second)}); keyed when both
 * are keyed by keys of the same type ({@link #keyBy}), so that the records of one key from both inputs meet the
 * same state.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public class ConnectedStreams<IN1, IN2> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> first;
    private final DataStream<IN2> second;

    public ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> first, DataStream<IN2> second) {
        this.environment = environment;
        this.first = first;
        this.second = second;
        if (first instanceof KeyedStream && second instanceof KeyedStream) {
            TypeInformation<?> key1 = ((KeyedStream<?, ?>) first).getKeyType();
            TypeInformation<?> key2 = ((KeyedStream<?, ?>) second).getKeyType();
            if (!key1.equals(key2)) {
                throw new IllegalArgumentException("Connected keyed streams need keys of one type, not " + key1
                        + " and " + key2 + ".");
            }
        }
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return first;
    }

    public DataStream<IN2> getSecondInput() {
        return second;
    }

    public TypeInformation<IN1> getType1() {
        return first.getType();
    }

    public TypeInformation<IN2> getType2() {
        return second.getType();
    }

    /** Keys both inputs; the two keys must have one type. */
    public <KEY> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, KEY> keySelector1, KeySelector<IN2, KEY> keySelector2) {
        return new ConnectedStreams<>(environment, first.keyBy(keySelector1), second.keyBy(keySelector2));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper) {
        return transform("Co-Map", outputType(coMapper, CoMapFunction.class, 2), new CoStreamMap<>(environment.clean(coMapper)));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> coMapper, TypeInformation<R> outputType) {
        return transform("Co-Map", outputType, new CoStreamMap<>(environment.clean(coMapper)));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper) {
        return transform("Co-Flat Map", outputType(coFlatMapper, CoFlatMapFunction.class, 2),
                new CoStreamFlatMap<>(environment.clean(coFlatMapper)));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> coFlatMapper,
            TypeInformation<R> outputType) {
        return transform("Co-Flat Map", outputType, new CoStreamFlatMap<>(environment.clean(coFlatMapper)));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> coProcessFunction) {
        return transform("Co-Process", outputType(coProcessFunction, CoProcessFunction.class, 2),
                new CoProcessOperator<>(environment.clean(coProcessFunction)));
    }

    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> keyedCoProcessFunction) {
        if (!(first instanceof KeyedStream) || !(second instanceof KeyedStream)) {
            throw new UnsupportedOperationException("A KeyedCoProcessFunction needs keyed inputs: connect two keyed"
                    + " streams, or call keyBy(key1, key2) on the connected streams.");
        }
        return transform("KeyedCoProcess", outputType(keyedCoProcessFunction, KeyedCoProcessFunction.class, 3),
                new KeyedCoProcessOperator<>(environment.clean(keyedCoProcessFunction)));
    }

    private <R> TypeInformation<R> outputType(Object function, Class<?> baseClass, int position) {
        try {
            return (TypeInformation<R>) TypeExtractor.createTypeInfo(baseClass, function.getClass(), position,
                    first.getType(), second.getType());
        } catch (InvalidTypesException e) {
            return (TypeInformation<R>) new MissingTypeInfo(DataStream.functionName(function), e);
        }
    }

    /** Applies a custom two-input operator. */
    public <R> SingleOutputStreamOperator<R> transform(String functionName, TypeInformation<R> outTypeInfo,
            TwoInputStreamOperator<IN1, IN2, R> operator) {
        first.getType();
        second.getType();
        TwoInputTransformation<IN1, IN2, R> transformation = new TwoInputTransformation<>(first.getTransformation(),
                second.getTransformation(), functionName, operator, outTypeInfo, environment.getParallelism());
        if (first instanceof KeyedStream && second instanceof KeyedStream) {
            KeyedStream<IN1, ?> keyed1 = (KeyedStream<IN1, ?>) first;
            KeyedStream<IN2, ?> keyed2 = (KeyedStream<IN2, ?>) second;
            transformation.setStateKeySelectors(keyed1.getKeySelector(), keyed2.getKeySelector(), keyed1.getKeyType());
        }
        environment.addOperator(transformation);
        return new SingleOutputStreamOperator<>(environment, transformation);
    }
}
