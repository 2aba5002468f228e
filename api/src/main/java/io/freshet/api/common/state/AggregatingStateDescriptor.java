package io.freshet.api.common.state;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/** Describes an {@link AggregatingState}: its name, accumulator type and aggregate function. */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {

    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction,
            Class<ACC> stateType) {
        super(name, stateType);
        this.aggFunction = aggFunction;
    }

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction,
            TypeInformation<ACC> stateType) {
        super(name, stateType);
        this.aggFunction = aggFunction;
    }

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction,
            TypeSerializer<ACC> typeSerializer) {
        super(name, typeSerializer);
        this.aggFunction = aggFunction;
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggFunction;
    }
}
