package io.freshet.api.common.typeutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.freshet.api.common.typeinfo.TypeInformation;

/**
 * Type information of a type made of named fields (tuples, POJOs). Fields can be addressed by position or by
 * expression: a field name ({@code "f0"}, {@code "word"}), a nested path ({@code "f1.count"}) or {@code "*"} for
 * all fields. Flattening resolves an expression to the atomic fields it covers, numbered in the order of
 * {@link #getTotalFields()}.
 */
public abstract class CompositeType<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public CompositeType(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    // ---- fields ----

    public abstract String[] getFieldNames();

    /** The position of the field, or -1. */
    public abstract int getFieldIndex(String fieldName);

    public abstract <X> TypeInformation<X> getTypeAt(int pos);

    /** The type of a field expression such as {@code "f1.count"}. */
    public <X> TypeInformation<X> getTypeAt(String fieldExpression) {
        String head = head(fieldExpression);
        int pos = requireField(head, fieldExpression);
        TypeInformation<X> fieldType = getTypeAt(pos);
        if (head.length() == fieldExpression.length()) {
            return fieldType;
        }
        if (!(fieldType instanceof CompositeType)) {
            throw new InvalidFieldReferenceException("field '" + head + "' of " + this + " has the atomic type "
                    + fieldType + "; it has no field '" + fieldExpression.substring(head.length() + 1) + "'");
        }
        return ((CompositeType<?>) fieldType).getTypeAt(fieldExpression.substring(head.length() + 1));
    }

    public boolean hasField(String fieldName) {
        return getFieldIndex(fieldName) >= 0;
    }

    /** The atomic fields an expression covers. */
    public List<FlatFieldDescriptor> getFlatFields(String fieldExpression) {
        List<FlatFieldDescriptor> result = new ArrayList<>();
        getFlatFields(fieldExpression, 0, result);
        return result;
    }

    /** Adds the atomic fields {@code fieldExpression} covers to {@code result}, positions shifted by {@code offset}. */
    public void getFlatFields(String fieldExpression, int offset, List<FlatFieldDescriptor> result) {
        String expression = fieldExpression.trim();
        if (expression.equals("*") || expression.equals("_")) {
            int flatPos = offset;
            for (int i = 0; i < getArity(); i++) {
                TypeInformation<?> fieldType = getTypeAt(i);
                if (fieldType instanceof CompositeType) {
                    ((CompositeType<?>) fieldType).getFlatFields("*", flatPos, result);
                } else {
                    result.add(new FlatFieldDescriptor(flatPos, fieldType));
                }
                flatPos += fieldType.getTotalFields();
            }
            return;
        }
        String head = head(expression);
        int pos = requireField(head, expression);
        int flatPos = offset;
        for (int i = 0; i < pos; i++) {
            flatPos += getTypeAt(i).getTotalFields();
        }
        TypeInformation<?> fieldType = getTypeAt(pos);
        if (head.length() == expression.length()) {
            if (fieldType instanceof CompositeType) {
                ((CompositeType<?>) fieldType).getFlatFields("*", flatPos, result);
            } else {
                result.add(new FlatFieldDescriptor(flatPos, fieldType));
            }
        } else if (fieldType instanceof CompositeType) {
            ((CompositeType<?>) fieldType).getFlatFields(expression.substring(head.length() + 1), flatPos, result);
        } else {
            throw new InvalidFieldReferenceException("field '" + head + "' of " + this + " is atomic; '"
                    + expression + "' goes deeper than it");
        }
    }

    /** True when the fields are always in the same order (tuples; POJOs sort theirs by name). */
    public boolean hasDeterministicFieldOrder() {
        return false;
    }

    @Override
    public boolean isKeyType() {
        for (int i = 0; i < getArity(); i++) {
            if (!getTypeAt(i).isKeyType()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean isSortKeyType() {
        for (int i = 0; i < getArity(); i++) {
            if (!getTypeAt(i).isSortKeyType()) {
                return false;
            }
        }
        return true;
    }

    private static String head(String expression) {
        int dot = expression.indexOf('.');
        return dot < 0 ? expression : expression.substring(0, dot);
    }

    private int requireField(String name, String expression) {
        int pos = getFieldIndex(name);
        if (pos < 0) {
            throw new InvalidFieldReferenceException("'" + name + "' in the field expression '" + expression
                    + "' is not a field of " + this + "; its fields are " + String.join(", ", getFieldNames()));
        }
        return pos;
    }

    // ---- nested types ----

    /** An atomic field reached by flattening: its position among all atomic fields and its type. */
    public static class FlatFieldDescriptor {

        private final int keyPosition;
        private final TypeInformation<?> type;

        public FlatFieldDescriptor(int keyPosition, TypeInformation<?> type) {
            if (type instanceof CompositeType) {
                throw new IllegalArgumentException("a flat field cannot have a composite type: " + type);
            }
            this.keyPosition = keyPosition;
            this.type = type;
        }

        public int getPosition() {
            return keyPosition;
        }

        public TypeInformation<?> getType() {
            return type;
        }

        @Override
        public String toString() {
            return "FlatFieldDescriptor [position=" + keyPosition + " typeInfo=" + type + "]";
        }
    }

    /** A field expression that does not name a field of the type. */
    public static class InvalidFieldReferenceException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        public InvalidFieldReferenceException(String message) {
            super(message);
        }
    }
}
