package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@link List}s (read back as {@link ArrayList}) as the element count (an int) followed by the elements
 * in the element serializer's format. Null elements are allowed only when the element serializer accepts null.
 */
public final class ListSerializer<T> extends TypeSerializer<List<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> elementSerializer;

    public ListSerializer(TypeSerializer<T> elementSerializer) {
        this.elementSerializer = Objects.requireNonNull(elementSerializer, "elementSerializer");
    }

    public TypeSerializer<T> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<List<T>> duplicate() {
        TypeSerializer<T> duplicateElement = elementSerializer.duplicate();
        return duplicateElement == elementSerializer ? this : new ListSerializer<>(duplicateElement);
    }

    @Override
    public List<T> createInstance() {
        return new ArrayList<>(0);
    }

    @Override
    public List<T> copy(List<T> from) {
        int size = from.size();
        List<T> copy = new ArrayList<>(size);
        if (elementSerializer.isImmutableType()) {
            copy.addAll(from);
            return copy;
        }
        for (int i = 0; i < size; i++) {
            copy.add(elementSerializer.copy(from.get(i)));
        }
        return copy;
    }

    @Override
    public List<T> copy(List<T> from, List<T> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(List<T> record, DataOutputView target) throws IOException {
        int size = record.size();
        target.writeInt(size);
        // index access for the common random-access lists; iteration for the rest (LinkedList)
        if (record instanceof java.util.RandomAccess) {
            for (int i = 0; i < size; i++) {
                elementSerializer.serialize(record.get(i), target);
            }
        } else {
            for (T element : record) {
                elementSerializer.serialize(element, target);
            }
        }
    }

    @Override
    public List<T> deserialize(DataInputView source) throws IOException {
        int size = readSize(source);
        // capacity is capped: a corrupt size must not allocate gigabytes before the input runs out
        List<T> list = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
            list.add(elementSerializer.deserialize(source));
        }
        return list;
    }

    /** Refills {@code reuse} when it is an {@link ArrayList}; otherwise returns a new list. */
    @Override
    public List<T> deserialize(List<T> reuse, DataInputView source) throws IOException {
        if (!(reuse instanceof ArrayList)) {
            return deserialize(source);
        }
        int size = readSize(source);
        reuse.clear();
        for (int i = 0; i < size; i++) {
            reuse.add(elementSerializer.deserialize(source));
        }
        return reuse;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int size = readSize(source);
        target.writeInt(size);
        for (int i = 0; i < size; i++) {
            elementSerializer.copy(source, target);
        }
    }

    private static int readSize(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size < 0) {
            throw new IOException("corrupt input for ListSerializer: negative size " + size);
        }
        return size;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListSerializer
                && elementSerializer.equals(((ListSerializer<?>) obj).elementSerializer);
    }

    @Override
    public int hashCode() {
        return elementSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "ListSerializer{" + elementSerializer + '}';
    }

    @Override
    public TypeSerializerSnapshot<List<T>> snapshotConfiguration() {
        return new ListSerializerSnapshot<>(this);
    }
}
