package io.freshet.streaming.api.transformations;

import java.util.List;
import java.util.Objects;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.dag.Transformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.streaming.api.operators.OneInputStreamOperator;

/**
 * An operator with one input. On a keyed stream it carries the key selector and key type: the runtime then gives
 * the operator keyed state, scoped to the key of each record.
 */
public final class OneInputTransformation<IN, OUT> extends Transformation<OUT> {

    private final Transformation<IN> input;
    private final OneInputStreamOperator<IN, OUT> operator;
    private KeySelector<IN, ?> stateKeySelector;
    private TypeInformation<?> stateKeyType;

    public OneInputTransformation(Transformation<IN> input, String name, OneInputStreamOperator<IN, OUT> operator,
            TypeInformation<OUT> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.input = Objects.requireNonNull(input, "input");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    public Transformation<IN> getInput() {
        return input;
    }

    public OneInputStreamOperator<IN, OUT> getOperator() {
        return operator;
    }

    public TypeInformation<IN> getInputType() {
        return input.getOutputType();
    }

    public void setStateKeySelector(KeySelector<IN, ?> stateKeySelector) {
        this.stateKeySelector = stateKeySelector;
    }

    /** The key selector of a keyed operator, or null. */
    public KeySelector<IN, ?> getStateKeySelector() {
        return stateKeySelector;
    }

    public void setStateKeyType(TypeInformation<?> stateKeyType) {
        this.stateKeyType = stateKeyType;
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
