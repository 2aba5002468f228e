package io.freshet.streaming.api.datastream;

import java.util.List;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.co.BroadcastProcessFunction;
import io.freshet.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.freshet.streaming.api.operators.CoBroadcastWithKeyedOperator;
import io.freshet.streaming.api.operators.CoBroadcastWithNonKeyedOperator;
import io.freshet.streaming.api.transformations.TwoInputTransformation;

/** A stream connected with a {@link BroadcastStream}: {@code process} both with a broadcast process function. */
@SuppressWarnings({"unchecked", "rawtypes"})
public class BroadcastConnectedStream<IN1, IN2> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> nonBroadcastStream;
    private final BroadcastStream<IN2> broadcastStream;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    protected BroadcastConnectedStream(StreamExecutionEnvironment env, DataStream<IN1> input1,
            BroadcastStream<IN2> input2, List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        this.environment = env;
        this.nonBroadcastStream = input1;
        this.broadcastStream = input2;
        this.broadcastStateDescriptors = broadcastStateDescriptors;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public DataStream<IN1> getFirstInput() {
        return nonBroadcastStream;
    }

    public BroadcastStream<IN2> getSecondInput() {
        return broadcastStream;
    }

    public TypeInformation<IN1> getType1() {
        return nonBroadcastStream.getType();
    }

    public TypeInformation<IN2> getType2() {
        return broadcastStream.getType();
    }

    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function) {
        return process(function, outputType(function, KeyedBroadcastProcessFunction.class, 3));
    }

    public <KEY, OUT> SingleOutputStreamOperator<OUT> process(KeyedBroadcastProcessFunction<KEY, IN1, IN2, OUT> function,
            TypeInformation<OUT> outTypeInfo) {
        if (!(nonBroadcastStream instanceof KeyedStream)) {
            throw new IllegalStateException("A KeyedBroadcastProcessFunction can only be used on a keyed stream:"
                    + " call keyBy(...) before connect(broadcastStream), or use a BroadcastProcessFunction.");
        }
        return transform("Co-Process-Broadcast-Keyed", outTypeInfo,
                new CoBroadcastWithKeyedOperator<>(clean(function), broadcastStateDescriptors));
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        return process(function, outputType(function, BroadcastProcessFunction.class, 2));
    }

    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function,
            TypeInformation<OUT> outTypeInfo) {
        if (nonBroadcastStream instanceof KeyedStream) {
            throw new IllegalStateException("A BroadcastProcessFunction can only be used on a non-keyed stream: use"
                    + " a KeyedBroadcastProcessFunction after keyBy(...).");
        }
        return transform("Co-Process-Broadcast", outTypeInfo,
                new CoBroadcastWithNonKeyedOperator<>(clean(function), broadcastStateDescriptors));
    }

    protected <F> F clean(F f) {
        return environment.clean(f);
    }

    private <R> TypeInformation<R> outputType(Object function, Class<?> baseClass, int position) {
        try {
            return (TypeInformation<R>) TypeExtractor.createTypeInfo(baseClass, function.getClass(), position,
                    getType1(), getType2());
        } catch (InvalidTypesException e) {
            return (TypeInformation<R>) new MissingTypeInfo(DataStream.functionName(function), e);
        }
    }

    private <OUT> SingleOutputStreamOperator<OUT> transform(String name, TypeInformation<OUT> outTypeInfo,
            io.freshet.streaming.api.operators.TwoInputStreamOperator<IN1, IN2, OUT> operator) {
        nonBroadcastStream.getType();
        broadcastStream.getType();
        TwoInputTransformation<IN1, IN2, OUT> transformation = new TwoInputTransformation<>(
                nonBroadcastStream.getTransformation(), broadcastStream.getTransformation(), name, operator,
                outTypeInfo, environment.getParallelism());
        if (nonBroadcastStream instanceof KeyedStream) {
            KeyedStream<IN1, ?> keyed = (KeyedStream<IN1, ?>) nonBroadcastStream;
            transformation.setStateKeySelectors(keyed.getKeySelector(), null, keyed.getKeyType());
        }
        environment.addOperator(transformation);
        return new SingleOutputStreamOperator<>(environment, transformation);
    }
}
