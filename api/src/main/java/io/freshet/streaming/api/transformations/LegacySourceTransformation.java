package io.freshet.streaming.api.transformations;

import java.util.List;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.dag.Transformation;
import io.freshet.streaming.api.operators.StreamSource;

/** A source running a {@code SourceFunction}. */
public final class LegacySourceTransformation<T> extends Transformation<T> {

    private final StreamSource<T, ?> operator;
    private final boolean bounded;

    /** @param bounded whether the source ends by itself (fromElements) or may run forever (addSource) */
    public LegacySourceTransformation(String name, StreamSource<T, ?> operator, TypeInformation<T> outputType,
            int parallelism, boolean bounded) {
        super(name, outputType, parallelism);
        this.operator = operator;
        this.bounded = bounded;
    }

    public StreamSource<T, ?> getOperator() {
        return operator;
    }

    public boolean isBounded() {
        return bounded;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}
