package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes arrays of objects of one component class: the length (an int), then per element a presence byte
 * (0 = null, 1 = present) followed by the element in the component serializer's format when present. The array
 * itself must not be null.
 */
public final class GenericArraySerializer<C> extends TypeSerializer<C[]> {

    private static final long serialVersionUID = 1L;

    private final Class<C> componentClass;
    private final TypeSerializer<C> componentSerializer;
    private transient C[] emptyInstance;

    public GenericArraySerializer(Class<C> componentClass, TypeSerializer<C> componentSerializer) {
        this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
        this.componentSerializer = Objects.requireNonNull(componentSerializer, "componentSerializer");
    }

    public Class<C> getComponentClass() {
        return componentClass;
    }

    public TypeSerializer<C> getComponentSerializer() {
        return componentSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public GenericArraySerializer<C> duplicate() {
        TypeSerializer<C> duplicateComponent = componentSerializer.duplicate();
        return duplicateComponent == componentSerializer
                ? this
                : new GenericArraySerializer<>(componentClass, duplicateComponent);
    }

    @Override
    public C[] createInstance() {
        if (emptyInstance == null) {
            emptyInstance = newArray(0);
        }
        return emptyInstance;
    }

    @Override
    public C[] copy(C[] from) {
        C[] copy = newArray(from.length);
        copyElements(from, copy);
        return copy;
    }

    @Override
    public C[] copy(C[] from, C[] reuse) {
        C[] copy = reuse != null && reuse.length == from.length && reuse.length > 0 ? reuse : newArray(from.length);
        copyElements(from, copy);
        return copy;
    }

    private void copyElements(C[] from, C[] into) {
        if (componentSerializer.isImmutableType()) {
            System.arraycopy(from, 0, into, 0, from.length);
            return;
        }
        for (int i = 0; i < from.length; i++) {
            C element = from[i];
            into[i] = element == null ? null : componentSerializer.copy(element);
        }
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(C[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("GenericArraySerializer cannot serialize a null array of "
                    + componentClass.getName());
        }
        target.writeInt(record.length);
        for (C element : record) {
            if (element == null) {
                target.writeByte(0);
            } else {
                target.writeByte(1);
                componentSerializer.serialize(element, target);
            }
        }
    }

    @Override
    public C[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        C[] array = newArray(length);
        for (int i = 0; i < length; i++) {
            array[i] = readPresence(source) ? componentSerializer.deserialize(source) : null;
        }
        return array;
    }

    /** Fills {@code reuse} (reusing its elements) when it has the right length; otherwise allocates. */
    @Override
    public C[] deserialize(C[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        if (reuse == null || reuse.length != length || length == 0) {
            reuse = newArray(length);
        }
        for (int i = 0; i < length; i++) {
            if (!readPresence(source)) {
                reuse[i] = null;
            } else {
                C previous = reuse[i];
                reuse[i] = previous == null
                        ? componentSerializer.deserialize(source)
                        : componentSerializer.deserialize(previous, source);
            }
        }
        return reuse;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = readLength(source);
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            boolean present = readPresence(source);
            target.writeByte(present ? 1 : 0);
            if (present) {
                componentSerializer.copy(source, target);
            }
        }
    }

    private int readLength(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("corrupt input for the array serializer of " + componentClass.getName()
                    + ": negative length " + length);
        }
        return length;
    }

    private boolean readPresence(DataInputView source) throws IOException {
        byte flag = source.readByte();
        if (flag != 0 && flag != 1) {
            throw new IOException("corrupt input for the array serializer of " + componentClass.getName()
                    + ": presence byte " + flag);
        }
        return flag == 1;
    }

    @SuppressWarnings("unchecked")
    private C[] newArray(int length) {
        return (C[]) Array.newInstance(componentClass, length);
    }

    @Override
    public int hashCode() {
        return 31 * componentClass.hashCode() + componentSerializer.hashCode();
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof GenericArraySerializer)) {
            return false;
        }
        GenericArraySerializer<?> other = (GenericArraySerializer<?>) obj;
        return componentClass == other.componentClass && componentSerializer.equals(other.componentSerializer);
    }

    @Override
    public String toString() {
        return "GenericArraySerializer{" + componentClass.getName() + ", " + componentSerializer + '}';
    }

    @Override
    public GenericArraySerializerSnapshot<C> snapshotConfiguration() {
        return new GenericArraySerializerSnapshot<>(this);
    }
}
