package io.freshet.api.common.state;

import java.util.List;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.typeutils.TypeExtractor;

/** Describes a {@link ListState}: its name and element type. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, List<T>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> elementClass;
    private TypeInformation<T> elementType;
    private TypeSerializer<T> elementSerializer;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public ListStateDescriptor(String name, Class<T> elementTypeClass) {
        super(name, (Class) List.class);
        this.elementClass = elementTypeClass;
        this.elementType = null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
        super(name, (Class) List.class);
        this.elementClass = null;
        this.elementType = elementTypeInfo;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
        super(name, (Class) List.class);
        this.elementClass = null;
        this.elementType = null;
        this.elementSerializer = java.util.Objects.requireNonNull(elementSerializer, "elementSerializer");
    }

    /** The element type, as given (class or type information), or null if a serializer was given. */
    public Object getElementType() {
        return elementType != null ? elementType : elementClass;
    }

    /** Creates the element serializer from the element type if it was not given; idempotent. */
    @Override
    public synchronized void initializeSerializerUnlessSet(ExecutionConfig config) {
        if (elementSerializer == null) {
            if (elementType == null) {
                elementType = TypeExtractor.createTypeInfo(elementClass);
            }
            elementSerializer = elementType.createSerializer(config);
        }
    }

    @Override
    public synchronized boolean isSerializerInitialized() {
        return elementSerializer != null;
    }

    /** The serializer of the elements; {@link #initializeSerializerUnlessSet} must have run (or one was given). */
    public synchronized TypeSerializer<T> getElementSerializer() {
        if (elementSerializer == null) {
            throw new IllegalStateException("The element serializer of state '" + getName()
                    + "' is not initialized yet.");
        }
        return elementSerializer.duplicate();
    }
}
