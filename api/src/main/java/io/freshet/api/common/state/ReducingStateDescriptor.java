package io.freshet.api.common.state;

import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/** Describes a {@link ReducingState}: its name, value type and reduce function. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        super(name, typeClass);
        this.reduceFunction = reduceFunction;
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.reduceFunction = reduceFunction;
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeSerializer<T> typeSerializer) {
        super(name, typeSerializer);
        this.reduceFunction = reduceFunction;
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }
}
