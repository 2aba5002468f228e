package io.freshet.streaming.api.transformations;

import java.util.List;

import io.freshet.api.dag.Transformation;

/** Several streams of one type read as one: the consumer sees the records of all of them, interleaved. */
public final class UnionTransformation<T> extends Transformation<T> {

    private final List<Transformation<T>> inputs;

    public UnionTransformation(List<Transformation<T>> inputs) {
        super("Union", inputs.get(0).getOutputType(), inputs.get(0).getParallelism());
        for (Transformation<T> input : inputs) {
            if (!input.getOutputType().equals(getOutputType())) {
                throw new IllegalArgumentException("Cannot union a stream of " + input.getOutputType()
                        + " with a stream of " + getOutputType() + ": all streams of a union need the same type.");
            }
        }
        this.inputs = List.copyOf(inputs);
    }

    public List<Transformation<T>> getUnionInputs() {
        return inputs;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.copyOf(inputs);
    }
}
