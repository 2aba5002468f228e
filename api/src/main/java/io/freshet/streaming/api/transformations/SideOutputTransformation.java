package io.freshet.streaming.api.transformations;

import java.util.List;
import java.util.Objects;

import io.freshet.api.dag.Transformation;
import io.freshet.util.OutputTag;

/** The records an operator emits to one of its side outputs ({@code getSideOutput(tag)}): an edge property. */
public final class SideOutputTransformation<T> extends Transformation<T> {

    private final Transformation<?> input;
    private final OutputTag<T> tag;

    public SideOutputTransformation(Transformation<?> input, OutputTag<T> tag) {
        super("SideOutput", tag.getTypeInfo(), input.getParallelism());
        this.input = Objects.requireNonNull(input, "input");
        this.tag = tag;
    }

    public Transformation<?> getInput() {
        return input;
    }

    public OutputTag<T> getOutputTag() {
        return tag;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
