package io.freshet.api.common.typeutils;

import java.io.IOException;
import java.io.Serializable;

import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Turns values of one type into bytes in a {@link DataOutputView} and back, and copies values.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code deserialize(serialize(v))} equals {@code v}; the format of a serializer never changes for a given
 *       {@link #snapshotConfiguration() snapshot}, because state written by it must be readable after a restart.</li>
 *   <li>A serializer may keep mutable scratch state, so one instance is used by one thread;
 *       {@link #duplicate()} gives another thread its own (stateless serializers return {@code this}).</li>
 *   <li>{@link #getLength()} is the fixed number of bytes of every value, or -1 when it varies.</li>
 *   <li>{@code deserialize(reuse, source)} may fill and return {@code reuse} instead of allocating; callers must
 *       use the returned object.</li>
 * </ul>
 * Serializers are {@link Serializable} only so that they can travel inside job graphs; data is never written
 * with Java serialization.
 *
 * @param <T> the type of the values
 */
public abstract class TypeSerializer<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** True when values cannot change after creation, so copies may share them. */
    public abstract boolean isImmutableType();

    /** A serializer for use by another thread: {@code this} when the serializer has no mutable state. */
    public abstract TypeSerializer<T> duplicate();

    /** A new default instance (the value deserialization into a reused object starts from). */
    public abstract T createInstance();

    /** A deep copy of {@code from}. */
    public abstract T copy(T from);

    /** A deep copy of {@code from}, into {@code reuse} where the type allows it. */
    public abstract T copy(T from, T reuse);

    /** The serialized length of every value in bytes, or -1 for variable-length types. */
    public abstract int getLength();

    public abstract void serialize(T record, DataOutputView target) throws IOException;

    public abstract T deserialize(DataInputView source) throws IOException;

    public abstract T deserialize(T reuse, DataInputView source) throws IOException;

    /** Copies one serialized value from {@code source} to {@code target} without necessarily materializing it. */
    public abstract void copy(DataInputView source, DataOutputView target) throws IOException;

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    /**
     * A snapshot of this serializer's configuration: written with checkpoints and savepoints, and used on restore
     * to decide whether the new serializer can read the old state.
     */
    public abstract TypeSerializerSnapshot<T> snapshotConfiguration();
}
