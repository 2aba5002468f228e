package io.freshet.streaming.api.transformations;

import java.util.List;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.dag.Transformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.streaming.api.operators.TwoInputStreamOperator;

/** An operator with two inputs; keyed when both inputs carry key selectors of the same key type. */
public final class TwoInputTransformation<IN1, IN2, OUT> extends Transformation<OUT> {

    private final Transformation<IN1> input1;
    private final Transformation<IN2> input2;
    private final TwoInputStreamOperator<IN1, IN2, OUT> operator;
    private KeySelector<IN1, ?> stateKeySelector1;
    private KeySelector<IN2, ?> stateKeySelector2;
    private TypeInformation<?> stateKeyType;

    public TwoInputTransformation(Transformation<IN1> input1, Transformation<IN2> input2, String name,
            TwoInputStreamOperator<IN1, IN2, OUT> operator, TypeInformation<OUT> outputType, int parallelism) {
        super(name, outputType, parallelism);
        this.input1 = input1;
        this.input2 = input2;
        this.operator = operator;
    }

    public Transformation<IN1> getInput1() {
        return input1;
    }

    public Transformation<IN2> getInput2() {
        return input2;
    }

    public TwoInputStreamOperator<IN1, IN2, OUT> getOperator() {
        return operator;
    }

    public void setStateKeySelectors(KeySelector<IN1, ?> selector1, KeySelector<IN2, ?> selector2,
            TypeInformation<?> keyType) {
        this.stateKeySelector1 = selector1;
        this.stateKeySelector2 = selector2;
        this.stateKeyType = keyType;
    }

    public KeySelector<IN1, ?> getStateKeySelector1() {
        return stateKeySelector1;
    }

    public KeySelector<IN2, ?> getStateKeySelector2() {
        return stateKeySelector2;
    }

    public TypeInformation<?> getStateKeyType() {
        return stateKeyType;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input1, input2);
    }
}
