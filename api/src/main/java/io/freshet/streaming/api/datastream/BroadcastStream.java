package io.freshet.streaming.api.datastream;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.dag.Transformation;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A stream every parallel instance of the operator downstream receives whole ({@code stream.broadcast(descriptor)}),
 * with the broadcast states those instances keep; connect another stream to it and {@code process} both.
 */
public class BroadcastStream<T> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<T> broadcastedStream;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    protected BroadcastStream(StreamExecutionEnvironment environment, DataStream<T> input,
            MapStateDescriptor<?, ?>... broadcastStateDescriptors) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.broadcastedStream = Objects.requireNonNull(input, "input");
        this.broadcastStateDescriptors = Arrays.asList(broadcastStateDescriptors);
    }

    public TypeInformation<T> getType() {
        return broadcastedStream.getType();
    }

    public <F> F clean(F f) {
        return environment.clean(f);
    }

    public Transformation<T> getTransformation() {
        return broadcastedStream.getTransformation();
    }

    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }

    public StreamExecutionEnvironment getEnvironment() {
        return environment;
    }
}
