package io.freshet.streaming.api.transformations;

import java.util.List;

import io.freshet.api.dag.Transformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.streaming.api.operators.StreamSink;

/** A sink running a {@code SinkFunction}. */
public final class LegacySinkTransformation<T> extends Transformation<Object> {

    private final Transformation<T> input;
    private final StreamSink<T> operator;
    private KeySelector<T, ?> stateKeySelector;

    public LegacySinkTransformation(Transformation<T> input, String name, StreamSink<T> operator, int parallelism) {
        super(name, null, parallelism);
        this.input = input;
        this.operator = operator;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public StreamSink<T> getOperator() {
        return operator;
    }

    public void setStateKeySelector(KeySelector<T, ?> stateKeySelector) {
        this.stateKeySelector = stateKeySelector;
    }

    public KeySelector<T, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
