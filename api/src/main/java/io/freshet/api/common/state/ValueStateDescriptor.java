package io.freshet.api.common.state;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/** Describes a {@link ValueState}: its name and value type. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {

    private static final long serialVersionUID = 1L;

    private final T defaultValue;

    public ValueStateDescriptor(String name, Class<T> typeClass) {
        super(name, typeClass);
        this.defaultValue = null;
    }

    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.defaultValue = null;
    }

    public ValueStateDescriptor(String name, TypeSerializer<T> typeSerializer) {
        super(name, typeSerializer);
        this.defaultValue = null;
    }

    /** @deprecated check {@code value() == null} instead of giving a default value. */
    @Deprecated
    public ValueStateDescriptor(String name, Class<T> typeClass, T defaultValue) {
        super(name, typeClass);
        this.defaultValue = defaultValue;
    }

    /** @deprecated check {@code value() == null} instead of giving a default value. */
    @Deprecated
    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo, T defaultValue) {
        super(name, typeInfo);
        this.defaultValue = defaultValue;
    }

    /** The value {@link ValueState#value()} returns for a key without one (null unless a deprecated constructor set it). */
    public T getDefaultValue() {
        return defaultValue;
    }
}
