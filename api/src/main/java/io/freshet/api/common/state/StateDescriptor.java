package io.freshet.api.common.state;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.typeutils.TypeExtractor;

/**
 * Names a piece of keyed state and its type. The name identifies the state within an operator (and, later, in its
 * snapshots); the type gives the serializer.
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private TypeInformation<T> typeInfo;
    private TypeSerializer<T> serializer;
    private final Class<T> typeClass;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
        this.name = Objects.requireNonNull(name, "the state's name");
        this.typeInfo = Objects.requireNonNull(typeInfo, "the state's type information");
        this.typeClass = null;
    }

    protected StateDescriptor(String name, Class<T> typeClass) {
        this.name = Objects.requireNonNull(name, "the state's name");
        this.typeClass = Objects.requireNonNull(typeClass, "the state's type class");
    }

    protected StateDescriptor(String name, TypeSerializer<T> serializer) {
        this.name = Objects.requireNonNull(name, "the state's name");
        this.serializer = Objects.requireNonNull(serializer, "the state's serializer");
        this.typeClass = null;
    }

    /**
     * Lets the state's values expire after {@code ttlConfig}'s time to live (see {@link StateTtlConfig}); keyed state
     * only.
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = java.util.Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    public String getName() {
        return name;
    }

    /** Creates the serializer from the type information (or class) if it was not given; idempotent. */
    public synchronized void initializeSerializerUnlessSet(ExecutionConfig config) {
        if (serializer != null) {
            return;
        }
        if (typeInfo == null) {
            typeInfo = TypeExtractor.createTypeInfo(typeClass);
        }
        serializer = typeInfo.createSerializer(config);
    }

    public synchronized boolean isSerializerInitialized() {
        return serializer != null;
    }

    /** The serializer; {@link #initializeSerializerUnlessSet} must have run. */
    public synchronized TypeSerializer<T> getSerializer() {
        if (serializer == null) {
            throw new IllegalStateException("The serializer of state '" + name + "' is not initialized yet.");
        }
        return serializer.duplicate();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && name.equals(((StateDescriptor<?, ?>) o).name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + name + ")";
    }
}
