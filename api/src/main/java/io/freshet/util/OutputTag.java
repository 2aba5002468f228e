package io.freshet.util;

import java.io.Serializable;

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

    // TODO(types): private final TypeInformation<T> typeInfo, extracted from the anonymous subclass here.

    /**
     * Creates a tag whose element type is taken from the anonymous subclass this constructor is called from.
     *
     * @throws NullPointerException if {@code id} is null
     * @throws IllegalArgumentException if {@code id} is empty, or the tag is not created as a subclass
     */
    public OutputTag(String id) {
        this.id = checkId(id);
        // TODO(types): replace this check by type extraction, which fails the same way for a plain OutputTag.
        if (getClass() == OutputTag.class) {
            throw new IllegalArgumentException(
                    "OutputTag \"" + id + "\" cannot know its element type. Create it as an anonymous subclass,"
                            + " new OutputTag<T>(\"" + id + "\") {}, with the element type in place of T.");
        }
    }

    // TODO(types): public OutputTag(String id, TypeInformation<T> typeInfo), and getTypeInfo().

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
        // TODO(types): include the type information, as "OutputTag(<type>, <id>)".
        return "OutputTag(" + id + ")";
    }
}
