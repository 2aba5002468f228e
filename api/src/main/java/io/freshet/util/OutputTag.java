package io.freshet.util;

import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.typeutils.TypeExtractor;

/**
 * Names a side output of an operator. Two tags are equal when their ids are equal; an operator has at most one
 * side output per id.
 *
 * <p>Create a tag as an anonymous subclass, so that the element type survives erasure:
 * {@code OutputTag<String> late = new OutputTag<String>("late") {};}
 *
 * @param <T> the type of the elements in the side output
 */
public class OutputTag<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;

    private final TypeInformation<T> typeInfo;

    /**
     * Creates a tag whose element type is taken from the anonymous subclass this constructor is called from.
     *
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is empty, or the tag is not created as a subclass
     */
    public OutputTag(String id) {
        this.id = checkId(id);
        Type superType = getClass().getGenericSuperclass();
        if (getClass() == OutputTag.class || !(superType instanceof ParameterizedType)
                || getClass().getSuperclass() != OutputTag.class) {
            throw new InvalidTypesException(
                    "OutputTag \"" + id + "\" cannot know its element type. Create it as an anonymous subclass,"
                            + " new OutputTag<T>(\"" + id + "\") {}, with the element type in place of T, or pass"
                            + " the type: new OutputTag<>(\"" + id + "\", Types.STRING).");
        }
        Type elementType = ((ParameterizedType) superType).getActualTypeArguments()[0];
        try {
            @SuppressWarnings("unchecked")
            TypeInformation<T> extracted = (TypeInformation<T>) TypeExtractor.createTypeInfo(elementType);
            this.typeInfo = extracted;
        } catch (InvalidTypesException e) {
            throw new InvalidTypesException("The element type of OutputTag \"" + id + "\" cannot be determined ("
                    + e.getMessage() + "); pass it explicitly: new OutputTag<>(\"" + id + "\", typeInfo).", e);
        }
    }

    /** Creates a tag with an explicitly given element type. */
    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = checkId(id);
        if (typeInfo == null) {
            throw new NullPointerException("The type information of OutputTag \"" + id + "\" must not be null.");
        }
        this.typeInfo = typeInfo;
    }

    private static String checkId(String id) {
        if (id == null) {
            throw new NullPointerException("The id of an OutputTag must not be null.");
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("The id of an OutputTag must not be empty.");
        }
        return id;
    }

    /** Returns whether a record tagged {@code other} belongs to the side output of {@code owner}. */
    public static boolean isResponsibleFor(OutputTag<?> owner, OutputTag<?> other) {
        return owner.equals(other);
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        return obj instanceof OutputTag && ((OutputTag<?>) obj).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + typeInfo + ", " + id + ")";
    }
}
