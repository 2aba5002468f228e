package io.freshet.api.common.state;

import java.util.List;

import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;

/** Describes a {@link ListState}: its name and element type. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, List<T>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> elementClass;
    private final TypeInformation<T> elementType;

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
    }

    /** The element type, as given (class or type information), or null if a serializer was given. */
    public Object getElementType() {
        return elementType != null ? elementType : elementClass;
    }
}
